import { describe, expect, it } from 'vitest';
import { outlineEntryAtPage } from '@/lib/pdf-viewer/outline-entry-at-page';

const entry = (text: string, pageNumber: number | null) => ({ text, pageNumber });
const OUTLINE = [
  entry('Overview', 1),
  entry('Background', 3),
  entry('Methods', 3),
  entry('Unresolved bookmark', null),
  entry('Findings', 6),
];

describe('outlineEntryAtPage', () => {
  it('marks the first entry on the page being read', () => {
    expect(outlineEntryAtPage(OUTLINE, 1)).toBe(0);
    expect(outlineEntryAtPage(OUTLINE, 3)).toBe(1);
    expect(outlineEntryAtPage(OUTLINE, 6)).toBe(4);
  });

  it('on a page with no entry, marks the section that runs on into it', () => {
    expect(outlineEntryAtPage(OUTLINE, 2)).toBe(0);
    expect(outlineEntryAtPage(OUTLINE, 5)).toBe(2);
    expect(outlineEntryAtPage(OUTLINE, 40)).toBe(4);
  });

  it('marks nothing before the first entry’s page, or when no entry leads to a page', () => {
    expect(outlineEntryAtPage([entry('Appendix', 4)], 2)).toBeNull();
    expect(outlineEntryAtPage([entry('Lost', null)], 2)).toBeNull();
    expect(outlineEntryAtPage([], 1)).toBeNull();
  });

  it('reads an article’s outline entries (no page) as leading nowhere', () => {
    expect(outlineEntryAtPage([{ text: 'Overview' }], 1)).toBeNull();
  });
});
