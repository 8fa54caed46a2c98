import { describe, expect, it } from 'vitest';
import { tokenize } from '@/lib/entities/model/tokenize';
import { wordShape } from '@/lib/entities/model/word-shape';

const words = (text: string) => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.starts[i], t.ends[i]));
};

describe('tokenize', () => {
  it('keeps joined names whole and splits punctuation off', () => {
    expect(words('Storm-1152 used T1566.001, then R.E.D. left.')).toEqual([
      'Storm-1152',
      'used',
      'T1566.001',
      ',',
      'then',
      'R.E.D',
      '.',
      'left',
      '.',
    ]);
  });
  it('marks tokens that start a line', () => {
    const t = tokenize('one two\nthree');
    expect([...t.lineStart.slice(0, t.count)]).toEqual([1, 0, 1]);
  });
  it('reads non-ASCII letters as word characters', () => {
    expect(words('Sandworm’s Ünïcode-Gruppe')).toEqual(['Sandworm', '’', 's', 'Ünïcode-Gruppe']);
  });
  it('covers a 200,000-character text of joiners without a runaway token', () => {
    const text = 'a-'.repeat(100_000);
    const t = tokenize(text);
    expect(t.count).toBe(2);
    expect(t.ends[0]).toBe(text.length - 1);
  });
});

describe('wordShape', () => {
  it('writes each run of a character class once', () => {
    expect(wordShape('Storm-1152')).toBe('Xx-d');
    expect(wordShape('APT28')).toBe('Xd');
    expect(wordShape('LockBit')).toBe('XxXx');
    expect(wordShape('ZLoader')).toBe('Xx');
    expect(wordShape('Überfall')).toBe('Xx');
  });
});
