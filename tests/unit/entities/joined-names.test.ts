import { describe, expect, it } from 'vitest';
import { joinedSpelling } from '@/lib/entities/joined-names';

describe('joinedSpelling', () => {
  it('joins two or three plain words, each starting with a capital', () => {
    expect(joinedSpelling('black suit')).toBe('BlackSuit');
    expect(joinedSpelling('Cobalt Strike')).toBe('CobaltStrike');
    expect(joinedSpelling('Cobian RAT')).toBe('CobianRAT');
    expect(joinedSpelling('run some wares')).toBe('RunSomeWares');
  });
  it('leaves one word, four words, digits, punctuation and one-letter words alone', () => {
    for (const name of ['Lazarus', 'one two three four', '4H RAT', 'APT 28', 'Agent.btz loader', 'X Team', 'black  suit']) {
      expect(joinedSpelling(name)).toBeUndefined();
    }
  });
});
