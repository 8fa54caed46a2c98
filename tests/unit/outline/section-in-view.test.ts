import { describe, expect, it } from 'vitest';
import type { OutlineItem } from '@/lib/outline/live-outline';
import { currentOutlineIndex, lastHeadingAbove, readingLineRootMargin } from '@/lib/outline/section-in-view';

describe('lastHeadingAbove', () => {
  it('is the last heading in document order that has passed the reading line', () => {
    expect(lastHeadingAbove([true, true, false, false])).toBe(1);
    expect(lastHeadingAbove([true, true, true])).toBe(2);
  });
  it('is null above the first heading, and on a page without headings', () => {
    expect(lastHeadingAbove([false, false])).toBeNull();
    expect(lastHeadingAbove([])).toBeNull();
  });
  it('trusts the flags over their order: a jump can leave a later heading above and an earlier one not yet reported', () => {
    expect(lastHeadingAbove([false, true, false, true])).toBe(3);
  });
});

describe('readingLineRootMargin', () => {
  it('stretches the root far up and ends it at the reading line', () => {
    expect(readingLineRootMargin(0.25)).toBe('10000000px 0px -75% 0px');
    expect(readingLineRootMargin(0.4)).toBe('10000000px 0px -60% 0px');
  });
});

describe('currentOutlineIndex', () => {
  // The page: 0 "Title" (h1, not in the article's outline), 1 "Overview", 2 "Explore more" (a sidebar), 3 "Details", 4 "Footer".
  const outline: OutlineItem[] = [
    { level: 2, text: 'Overview', liveIndex: 1 },
    { level: 3, text: 'Lost heading', liveIndex: null },
    { level: 2, text: 'Details', liveIndex: 3 },
  ];

  it('marks the outline entry of the reported heading', () => {
    expect(currentOutlineIndex(outline, { liveIndex: 1, text: 'Overview' })).toBe(0);
    expect(currentOutlineIndex(outline, { liveIndex: 3, text: 'Details' })).toBe(2);
  });
  it("keeps the article's section when the heading passed is not in the outline (a sidebar's, the footer's)", () => {
    expect(currentOutlineIndex(outline, { liveIndex: 2, text: 'Explore more' })).toBe(0);
    expect(currentOutlineIndex(outline, { liveIndex: 4, text: 'Footer' })).toBe(2);
  });
  it("marks nothing above the article's first section, or with no report", () => {
    expect(currentOutlineIndex(outline, { liveIndex: 0, text: 'Title' })).toBeNull();
    expect(currentOutlineIndex(outline, null)).toBeNull();
  });
  it('marks nothing when the page changed since the outline was read (the text at that index differs)', () => {
    expect(currentOutlineIndex(outline, { liveIndex: 3, text: 'Something else' })).toBeNull();
  });
});
