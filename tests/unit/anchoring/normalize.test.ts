import { describe, expect, it } from 'vitest';
import { NormalizedText, normalizeWhitespace } from '@/lib/anchoring/normalize';

describe('whitespace normalisation', () => {
  it('collapses every whitespace run, nbsp and line breaks included, to one space', () => {
    expect(normalizeWhitespace('a \n\t b\u00a0c\r\n\r\nd')).toBe('a b c d');
  });

  it('drops soft hyphens and zero-width spaces', () => {
    expect(normalizeWhitespace('hy\u00adphen\u200bated')).toBe('hyphenated');
  });

  it('maps normalised offsets back to the original text', () => {
    const raw = '  alpha \n\n   beta\u00a0gamma ';
    const text = new NormalizedText(raw);
    expect(text.text).toBe(normalizeWhitespace(raw));
    const start = text.text.indexOf('beta gamma');
    const { start: rawStart, end: rawEnd } = text.toRawRange(start, start + 'beta gamma'.length);
    expect(raw.slice(rawStart, rawEnd)).toBe('beta\u00a0gamma');
  });

  it('maps original offsets forward to the first normalised character at or after them', () => {
    const text = new NormalizedText('one   two');
    expect(text.fromRaw(0)).toBe(0);
    expect(text.fromRaw(4)).toBe(4); // inside the run: the next kept character is "t"
    expect(text.text[text.fromRaw(6)]).toBe('t');
    expect(text.fromRaw(9)).toBe(text.text.length);
  });
});
