import { describe, expect, it } from 'vitest';
import { MAX_NEEDLES, narrows, parseQuery, TAG_MARK } from '@/lib/library/query';

describe('reading a query', () => {
  it('splits words, folded', () => {
    expect(parseQuery('  Scattered   SPIDER ')).toEqual({ needles: ['scattered', 'spider'], words: ['scattered', 'spider'] });
  });

  it('keeps a quoted phrase whole, and an unclosed quote runs to the end', () => {
    expect(parseQuery('"Scattered  Spider" helpdesk').needles).toEqual(['scattered spider', 'helpdesk']);
    expect(parseQuery('mfa "push fat').needles).toEqual(['push fat', 'mfa']);
  });

  it('reads #words as tag prefixes, which match tags only', () => {
    expect(parseQuery('#Phish lure').needles).toEqual([`${TAG_MARK}phish`, 'lure']);
    expect(parseQuery('#Phish lure').words).toEqual(['lure']);
    expect(parseQuery('# ## ""').needles).toEqual([]);
  });

  it('drops repeated words and words another one contains, longest first', () => {
    expect(parseQuery('spi spider SPIDER sp').needles).toEqual(['spider']);
    expect(parseQuery('phish #phishing').needles).toEqual([`${TAG_MARK}phishing`]);
  });

  it('has no needles for a blank query', () => {
    expect(parseQuery('').needles).toEqual([]);
    expect(parseQuery(' \t\n ').needles).toEqual([]);
  });

  it('never lets the corpus separators in, and bounds what a hostile query costs', () => {
    expect(parseQuery('a\u0000b \u0001c').needles).toEqual(['a', 'b', 'c']);
    const many = Array.from({ length: 200 }, (_, i) => `w${i}x`).join(' ');
    expect(parseQuery(many).needles.length).toBe(MAX_NEEDLES);
    expect(parseQuery('x'.repeat(100_000)).needles[0].length).toBe(1_000);
  });
});

describe('whether a query narrows an earlier one', () => {
  it('holds when typing on at the end, a phrase or a tag', () => {
    expect(narrows(parseQuery('scat').needles, parseQuery('scatt').needles)).toBe(true);
    expect(narrows(parseQuery('scattered s').needles, parseQuery('scattered sp').needles)).toBe(true);
    expect(narrows(parseQuery('"mfa fa').needles, parseQuery('"mfa fat').needles)).toBe(true);
    expect(narrows(parseQuery('#ph').needles, parseQuery('#phi').needles)).toBe(true);
    expect(narrows([], parseQuery('x').needles)).toBe(true);
  });

  it('does not hold after deleting or changing words', () => {
    expect(narrows(parseQuery('scatt').needles, parseQuery('scat').needles)).toBe(false);
    expect(narrows(parseQuery('spider').needles, parseQuery('spades').needles)).toBe(false);
    expect(narrows(parseQuery('ph').needles, parseQuery('#ph').needles)).toBe(true);
    expect(narrows(parseQuery('#ph').needles, parseQuery('ph').needles)).toBe(false);
  });
});
