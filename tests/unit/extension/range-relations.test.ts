// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { rangeContains, rangesOverlap, unionRange } from '@/extension/page/selection';

function rangeOf(text: Text, start: number, end: number): Range {
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, end);
  return range;
}

describe('how a selection relates to a highlight', () => {
  document.body.innerHTML = '<p>0123456789abcdef</p>';
  const text = document.querySelector('p')!.firstChild as Text;

  it('overlaps when the two share text, not when they only touch', () => {
    expect(rangesOverlap(rangeOf(text, 2, 6), rangeOf(text, 5, 9))).toBe(true);
    expect(rangesOverlap(rangeOf(text, 5, 9), rangeOf(text, 2, 6))).toBe(true);
    expect(rangesOverlap(rangeOf(text, 2, 5), rangeOf(text, 5, 9))).toBe(false);
    expect(rangesOverlap(rangeOf(text, 0, 2), rangeOf(text, 8, 9))).toBe(false);
  });

  it('contains a selection inside it, boundaries included', () => {
    expect(rangeContains(rangeOf(text, 2, 9), rangeOf(text, 3, 5))).toBe(true);
    expect(rangeContains(rangeOf(text, 2, 9), rangeOf(text, 2, 9))).toBe(true);
    expect(rangeContains(rangeOf(text, 2, 9), rangeOf(text, 1, 5))).toBe(false);
  });

  it('merges into the smallest range holding all of them', () => {
    expect(unionRange([rangeOf(text, 4, 6), rangeOf(text, 2, 5), rangeOf(text, 5, 11)]).toString()).toBe('23456789a');
  });
});
