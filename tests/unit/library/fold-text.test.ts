import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets } from '@/lib/library/fold-text';

describe('folding text for search', () => {
  it('drops case and accents', () => {
    expect(foldText('Zürich ÉTÉ São Paulo')).toBe('zurich ete sao paulo');
    expect(foldText('İstanbul')).toBe('istanbul');
  });

  it('reads compatibility forms, typographic quotes and dashes as people type them', () => {
    expect(foldText('ＡＰＴ２９ ﬁle')).toBe('apt29 file');
    expect(foldText('it’s “quoted” Storm–1152')).toBe('it\'s "quoted" storm-1152');
  });

  it('reads whitespace runs of any kind once, and drops invisible characters', () => {
    expect(foldText('a \n\t b\u00a0\u2003c')).toBe('a b c');
    expect(foldText('cre\u00addential zero\u200bwidth')).toBe('credential zerowidth');
  });

  it('folds a final sigma like any other, so a word matches wherever it ends', () => {
    expect(foldText('ΟΔΟΣ ΟΔΟΣΑ')).toBe('οδοσ οδοσα');
  });

  it('keeps the characters the search uses as separators', () => {
    expect(foldText('A\u0000B\u0001C\u0002D')).toBe('a\u0000b\u0001c\u0002d');
  });
});

describe('folding with offsets', () => {
  const samples = [
    'Plain ASCII text.',
    'Zürich  and\n\nZu\u0308rich',
    'ﬁle ＡＰＴ',
    'ΟΔΟΣ',
    'İ',
    'emoji 🕷️ spider',
    'a\u00a0 b',
    '´ acute',
    '',
  ];

  it('gives the same folded text as foldText', () => {
    for (const sample of samples) expect(foldWithOffsets(sample).folded).toBe(foldText(sample));
  });

  it('maps each folded unit back to the whole character it came from', () => {
    const text = 'Zu\u0308rich ﬁle';
    const { folded, starts, ends } = foldWithOffsets(text);
    expect(folded).toBe('zurich file');
    const at = folded.indexOf('u');
    expect(text.slice(starts[at], ends[at])).toBe('u');
    const fi = folded.indexOf('fi');
    expect(text.slice(starts[fi], ends[fi + 1])).toBe('ﬁ');
  });
});
