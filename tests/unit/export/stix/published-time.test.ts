import { describe, expect, it } from 'vitest';
import { publishedEpoch } from '@/lib/export/stix/published-time';

const iso = (epoch: number | undefined) => (epoch === undefined ? undefined : new Date(epoch).toISOString());

describe('the publication time of a page', () => {
  it.each([
    ['2023-12-14T09:00:00+00:00', '2023-12-14T09:00:00.000Z'],
    ['2023-12-14T10:00:00+01:00', '2023-12-14T09:00:00.000Z'],
    ['2023-12-14T09:00:00+0000', '2023-12-14T09:00:00.000Z'],
    ['2023-12-14T09:00:00.123456Z', '2023-12-14T09:00:00.123Z'],
    ['2023-12-14 09:00', '2023-12-14T09:00:00.000Z'],
    ['2023-12-14', '2023-12-14T00:00:00.000Z'],
    ['Thu, 14 Dec 2023 09:00:00 GMT', '2023-12-14T09:00:00.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(iso(publishedEpoch(text))).toBe(expected);
  });

  it('reads a date-time without a zone as UTC, so the export is the same in every time zone', () => {
    expect(iso(publishedEpoch('2023-12-14T09:00:00'))).toBe('2023-12-14T09:00:00.000Z');
  });

  it.each([
    ['a free-form date whose zone is unknown', 'December 14, 2023'],
    ['words', 'last Tuesday'],
    ['an impossible month', '2023-13-01'],
    ['nothing', ''],
    ['no value', null],
  ])('is unknown for %s', (_, text) => {
    expect(publishedEpoch(text)).toBeUndefined();
  });
});
