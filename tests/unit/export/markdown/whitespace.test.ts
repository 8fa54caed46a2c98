import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '@/lib/export/markdown/whitespace';

describe('collapseWhitespace', () => {
  it('leaves text whose words are already one space apart as it is', () => {
    expect(collapseWhitespace('Octo Tempest used social engineering.')).toBe('Octo Tempest used social engineering.');
    expect(collapseWhitespace('')).toBe('');
  });

  it('makes every run of whitespace one space, whatever it is made of', () => {
    expect(collapseWhitespace('seized\u00a0domains \t and\n\nsocial   media\u2028accounts\u3000now')).toBe(
      'seized domains and social media accounts now',
    );
    expect(collapseWhitespace('two  spaces')).toBe('two spaces');
    expect(collapseWhitespace('a\ufeffb')).toBe('a b');
  });

  it('drops whitespace at either end', () => {
    expect(collapseWhitespace('  \n padded\t ')).toBe('padded');
    expect(collapseWhitespace(' \r\n\t ')).toBe('');
  });

  it('keeps what JavaScript does not count as whitespace', () => {
    expect(collapseWhitespace('zero\u200bwidth and NEL\u0085here')).toBe('zero\u200bwidth and NEL\u0085here');
  });
});
