import { describe, expect, it } from 'vitest';
import { firstOverlapping } from '@/lib/entities/model/first-overlapping';

describe('firstOverlapping: the first of sorted, non-overlapping ranges that a span overlaps', () => {
  const ranges = [
    { start: 0, end: 5 },
    { start: 10, end: 15 },
    { start: 20, end: 30 },
  ];

  it('finds the range a span lies inside, or reaches into', () => {
    expect(firstOverlapping(ranges, { start: 11, end: 12 })).toBe(1);
    expect(firstOverlapping(ranges, { start: 14, end: 21 })).toBe(1);
    expect(firstOverlapping(ranges, { start: 25, end: 40 })).toBe(2);
  });

  it('counts ranges that only touch as apart (ends are exclusive)', () => {
    expect(firstOverlapping(ranges, { start: 5, end: 10 })).toBe(-1);
    expect(firstOverlapping(ranges, { start: 15, end: 20 })).toBe(-1);
  });

  it('says -1 for no ranges, before the first and after the last', () => {
    expect(firstOverlapping([], { start: 0, end: 1 })).toBe(-1);
    expect(firstOverlapping(ranges, { start: 30, end: 31 })).toBe(-1);
    expect(firstOverlapping([{ start: 3, end: 4 }], { start: 0, end: 3 })).toBe(-1);
  });
});
