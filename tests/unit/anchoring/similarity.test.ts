import { describe, expect, it } from 'vitest';
import { distanceEndingAt, distanceStartingAt, editDistance } from '@/lib/anchoring/similarity';
import { rescaleContext } from '@/lib/anchoring/quote-score';

describe('edit distances', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('aligns a prefix with the end of the text before a candidate, wherever it starts', () => {
    expect(distanceEndingAt('the river', 'we walked by the river')).toBe(0);
    expect(distanceEndingAt('the river', 'we walked by the river.')).toBe(1);
    expect(distanceStartingAt('was high', 'was high that spring')).toBe(0);
    expect(distanceStartingAt('was high', ' was high')).toBe(1);
  });

  it('counts context from unrelated prose as nothing, and a lightly edited context as most of a match', () => {
    expect(rescaleContext(0.4)).toBe(0);
    expect(rescaleContext(0.8)).toBeCloseTo(0.6);
    expect(rescaleContext(1)).toBe(1);
  });
});
