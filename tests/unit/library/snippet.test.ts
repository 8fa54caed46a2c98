import { describe, expect, it } from 'vitest';
import { snippet } from '@/lib/library/snippet';

const marked = (segments: { text: string; hit: boolean }[]): string => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('snippets', () => {
  it('marks every word of the query in a short text', () => {
    expect(snippet('Scattered Spider used SIM swapping; the spider returned.', 'spider sim')).toEqual([
      { text: 'Scattered ', hit: false },
      { text: 'Spider', hit: true },
      { text: ' used ', hit: false },
      { text: 'SIM', hit: true },
      { text: ' swapping; the ', hit: false },
      { text: 'spider', hit: true },
      { text: ' returned.', hit: false },
    ]);
  });

  it('marks the original characters of an accent- and case-folded hit', () => {
    expect(marked(snippet('Seen in Zu\u0308rich and ZÜRICH.', 'zurich'))).toBe('Seen in [Zu\u0308rich] and [ZÜRICH].');
  });

  it('marks a phrase whole and merges overlapping hits', () => {
    expect(marked(snippet('the Scattered Spider crew', '"scattered spider" spider'))).toBe('the [Scattered Spider] crew');
  });

  it('cuts a long text around the first hit, at spaces, with ellipses', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    words[50] = 'LockBit';
    expect(marked(snippet(words.join(' '), 'lockbit', 60))).toBe('…word48 word49 [LockBit] word51 word52 word53 word54 word55…');
  });

  it('shows the start of the text when the query matched elsewhere (a tag, the title)', () => {
    const long = 'A '.repeat(200);
    expect(snippet('Nothing to see here', '#phishing')).toEqual([{ text: 'Nothing to see here', hit: false }]);
    const head = snippet(long, 'absent', 40);
    expect(head).toHaveLength(1);
    expect(head[0].hit).toBe(false);
    expect(head[0].text.endsWith('…')).toBe(true);
  });

  it('looks for hits in the first 20,000 characters only', () => {
    const far = `${'x '.repeat(10_000)}needle`;
    expect(snippet(far, 'needle').some((segment) => segment.hit)).toBe(false);
    expect(snippet(`${'x '.repeat(9_000)}needle`, 'needle').some((segment) => segment.hit)).toBe(true);
  });

  it('returns no segments for empty text, and plain text for hostile queries', () => {
    expect(snippet('', 'x')).toEqual([]);
    expect(marked(snippet('a (.*) b', '(.*)'))).toBe('a [(.*)] b');
    expect(marked(snippet('<b>bold</b>', 'bold'))).toBe('<b>[bold]</b>');
  });
});
