import { describe, expect, it } from 'vitest';
import { firstInView, stepIndex } from '@/lib/highlights/step-order';

describe('stepping through a page’s highlights', () => {
  it('moves one at a time and wraps around at both ends', () => {
    expect(stepIndex(3, 0, 1)).toBe(1);
    expect(stepIndex(3, 2, 1)).toBe(0);
    expect(stepIndex(3, 0, -1)).toBe(2);
  });

  it('starts at the first with N and the last with P when none is focused, and has nowhere to go without highlights', () => {
    expect(stepIndex(4, -1, 1)).toBe(0);
    expect(stepIndex(4, -1, -1)).toBe(3);
    expect(stepIndex(0, -1, 1)).toBe(-1);
  });

  it('starts from the first highlight in view, else the next one below, else the last above', () => {
    expect(firstInView([-900, -200, 150, 700], 800)).toBe(2);
    expect(firstInView([-900, 1200, 2400], 800)).toBe(1);
    expect(firstInView([-900, -300], 800)).toBe(1);
    expect(firstInView([], 800)).toBe(-1);
  });
});
