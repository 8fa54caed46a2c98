import { describe, expect, it } from 'vitest';
import { formatPublished, formatReadingTime, machineDate } from '@/lib/article/display';

describe('formatReadingTime', () => {
  it('says minutes for normal articles', () => {
    expect(formatReadingTime({ words: 1500, minutes: 7 })).toBe('7 min read');
  });
  it('says under a minute for very short text and nothing for none', () => {
    expect(formatReadingTime({ words: 40, minutes: 1 })).toBe('Under a minute');
    expect(formatReadingTime({ words: 0, minutes: 0 })).toBeNull();
  });
});

describe('formatPublished', () => {
  it('formats ISO timestamps as a long date', () => {
    // Midday UTC is the same calendar day in every time zone the test may run in.
    expect(formatPublished('2023-12-14T12:00:00Z', 'en-GB')).toBe('14 December 2023');
  });
  it('does not shift a date-only value into another day', () => {
    expect(formatPublished('2023-12-14', 'en-US')).toBe('December 14, 2023');
  });
  it('returns unparseable text unchanged and null for nothing', () => {
    expect(formatPublished('last Tuesday', 'en-GB')).toBe('last Tuesday');
    expect(formatPublished(null)).toBeNull();
  });
});

describe('machineDate', () => {
  it('passes dates and rejects non-dates', () => {
    expect(machineDate('2023-12-14T09:00:00+00:00')).toBe('2023-12-14T09:00:00+00:00');
    expect(machineDate('soon')).toBeNull();
  });
});
