import { describe, expect, it } from 'vitest';
import { draftChanges, draftOf, supersedes } from '@/lib/storage/highlight-edits';
import type { AnnotationRecord } from '@/lib/storage/records';

const record: AnnotationRecord = {
  id: 'a',
  pageUrl: 'https://news.example/a',
  color: 'yellow',
  note: 'old',
  tags: ['fraud', 'Storm-1152'],
  createdAt: 1,
  updatedAt: 1,
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 1 },
  },
};

describe('highlight drafts', () => {
  it('start from the record, tags as typed', () => {
    expect(draftOf(record)).toEqual({ color: 'yellow', note: 'old', tags: 'fraud, Storm-1152' });
  });
  it('change nothing when nothing was changed, however the tags were retyped', () => {
    expect(draftChanges(record, draftOf(record))).toEqual({});
    expect(draftChanges(record, { ...draftOf(record), tags: '#fraud,  Storm-1152 ' })).toEqual({});
    expect(draftChanges(record, null)).toEqual({});
  });
  it('carry only what changed, tags as they would be stored', () => {
    expect(draftChanges(record, { color: 'pink', note: 'old', tags: 'fraud, Storm-1152' })).toEqual({ color: 'pink' });
    expect(draftChanges(record, { color: 'yellow', note: 'new', tags: 'social engineering, fraud' })).toEqual({
      note: 'new',
      tags: ['social-engineering', 'fraud'],
    });
    expect(draftChanges(record, { color: 'yellow', note: 'old', tags: '' })).toEqual({ tags: [] });
  });
});

describe('supersedes', () => {
  it('takes a record stored at the same time or later, or one the page does not hold yet', () => {
    expect(supersedes({ ...record, updatedAt: 5 }, { ...record, updatedAt: 5 })).toBe(true);
    expect(supersedes({ ...record, updatedAt: 6 }, { ...record, updatedAt: 5 })).toBe(true);
    expect(supersedes(record, undefined)).toBe(true);
  });

  it('refuses one stored before the record the page holds', () => {
    expect(supersedes({ ...record, updatedAt: 4 }, { ...record, updatedAt: 5 })).toBe(false);
  });
});
