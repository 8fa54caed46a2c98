import { describe, expect, it } from 'vitest';
import { markdownFileName } from '@/lib/export/markdown/file-name';
import type { PageRecord } from '@/lib/storage/records';

function page(title: string, url = 'https://news.example/storm-1152'): PageRecord {
  return { url, title, siteName: null, createdAt: 0, updatedAt: 0 };
}

const NASTY_TITLES = [
  '../../etc/passwd',
  '..\\..\\Windows\\System32',
  '.hidden',
  '...',
  'CON',
  'con.txt',
  'Lpt1',
  'COM9.tar',
  'AUX ',
  'a<b>c:d"e/f\\g|h?i*j',
  'Tags #apt and ^block and [[link]] | pipe',
  'trailing dots...',
  'tab\tnew\nline\rreturn',
  'NUL \u0000 and bell \u0007 and DEL \u007f',
  'invoice\u202Egpj.exe',
  'zero\u200bwidth\ufeffbom',
  'lone \ud800 surrogate',
  '🦊 emoji 👨‍👩‍👧 family',
  'x'.repeat(500),
  '熊'.repeat(200),
  '👨‍👩‍👧'.repeat(100),
  'e\u0301'.repeat(200),
  '',
  '   ',
];

describe('markdownFileName', () => {
  it('is the title with ".md"', () => {
    expect(markdownFileName(page('Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities'))).toBe(
      'Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities.md',
    );
  });

  it('turns path separators and colons into dashes and other reserved characters into spaces', () => {
    expect(markdownFileName(page('Storm-1152: takedown'))).toBe('Storm-1152 - takedown.md');
    expect(markdownFileName(page('A/B testing'))).toBe('A-B testing.md');
    expect(markdownFileName(page('Who? What*'))).toBe('Who What.md');
    expect(markdownFileName(page('../../etc/passwd'))).toBe('etc-passwd.md');
  });

  it('moves Windows device names out of the way', () => {
    expect(markdownFileName(page('CON'))).toBe('_CON.md');
    expect(markdownFileName(page('con.txt'))).toBe('_con.txt.md');
    expect(markdownFileName(page('Console log'))).toBe('Console log.md');
  });

  it('drops invisible and direction-changing characters', () => {
    expect(markdownFileName(page('invoice\u202Egpj.exe'))).toBe('invoicegpj.exe.md');
    expect(markdownFileName(page('🦊 family 👨‍👩‍👧'))).toBe('🦊 family 👨‍👩‍👧.md');
  });

  it('falls back to the host name, then to "Untitled page"', () => {
    expect(markdownFileName(page('  '))).toBe('news.example.md');
    expect(markdownFileName(page('...', 'not a url'))).toBe('Untitled page.md');
  });

  it.each(NASTY_TITLES)('makes %j a safe name', (title) => {
    const name = markdownFileName(page(title));
    const base = name.slice(0, -'.md'.length);
    expect(name.endsWith('.md')).toBe(true);
    expect(base.length).toBeGreaterThan(0);
    expect(base).not.toMatch(/[<>:"/\\|?*#^[\]]/);
    expect(base).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff]/u);
    expect(base.isWellFormed()).toBe(true);
    expect(base).not.toMatch(/^[\s.-]|[\s.]$/);
    expect(base).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
    expect(new TextEncoder().encode(base).length).toBeLessThanOrEqual(120);
  });

  it('cuts long titles between whole characters', () => {
    const family = '👨‍👩‍👧';
    const base = markdownFileName(page(family.repeat(100))).slice(0, -3);
    expect(base.length % family.length).toBe(0);
    expect(base.replaceAll(family, '')).toBe('');
  });
});
