import { describe, expect, it } from 'vitest';
import { buildDocumentText } from '@/lib/pdf/document-text';
import type { PdfContentItem } from '@/lib/pdf/pdf-source';
import { layerItemStarts, layerRangeOnPage, pageIndexAt } from '@/lib/pdf-viewer/document-offsets';
import { pageTextOfItems } from '@/lib/pdf-viewer/page-text';

/** A run of text at (x, y) in 10-point type, 6 units a character wide. */
const run = (str: string, x: number, y: number, hasEOL = false): PdfContentItem => ({
  str,
  transform: [10, 0, 0, 10, x, y],
  width: str.length * 6,
  height: 10,
  hasEOL,
});
const marked = (type: string): PdfContentItem => ({ type });

// Two runs on the first line (with a gap the document text fills with a space), a marked-content span,
// a second line, and an empty run at a line's end, as pdf.js gives them.
const PAGE_ONE: PdfContentItem[] = [
  run('Storm-1152', 72, 700),
  run('sold accounts', 150, 700, true),
  marked('beginMarkedContent'),
  run('to criminals.', 72, 686),
  marked('endMarkedContent'),
  run('', 160, 686, true),
];
const PAGE_TWO: PdfContentItem[] = [run('Microsoft sued', 72, 700, true), run('Storm-1152 again.', 72, 686)];

describe('document text offsets in the text layer', () => {
  const document = buildDocumentText([PAGE_ONE, PAGE_TWO]);
  const layerText = (items: PdfContentItem[]) => pageTextOfItems(items as never);

  it('counts each item’s place in the layer as the layer draws it (a break after a line’s end, nothing for markers)', () => {
    expect(layerItemStarts(PAGE_ONE as never)).toEqual([0, 10, 24, 24, 37, 37]);
    expect(layerText(PAGE_ONE)).toBe('Storm-1152sold accounts\nto criminals.\n');
  });

  it('maps every text item’s document range onto exactly its string in the layer', () => {
    document.pages.forEach((page, index) => {
      const items = [PAGE_ONE, PAGE_TWO][index];
      const layer = layerText(items);
      items.forEach((item, i) => {
        if (!('str' in item) || item.str === '') return;
        const start = page.itemOffsets[i];
        const range = layerRangeOnPage(page, items as never, start, start + item.str.length);
        expect(range && layer.slice(range.start, range.end)).toBe(item.str);
        expect(range?.page).toBe(index);
      });
    });
  });

  it('maps a mention inside a run, and a passage across runs, dropping the breaks between them', () => {
    const [pageOne, pageTwo] = document.pages;
    const layerOne = layerText(PAGE_ONE);
    const sold = document.text.indexOf('sold');
    const one = layerRangeOnPage(pageOne, PAGE_ONE as never, sold, sold + 4)!;
    expect(layerOne.slice(one.start, one.end)).toBe('sold');
    // "Storm-1152 sold accounts to criminals." spans three runs and two kinds of break.
    const end = document.text.indexOf('criminals.') + 'criminals.'.length;
    const across = layerRangeOnPage(pageOne, PAGE_ONE as never, 0, end)!;
    expect(layerOne.slice(across.start, across.end)).toBe('Storm-1152sold accounts\nto criminals.');
    const again = document.text.lastIndexOf('Storm-1152');
    const two = layerRangeOnPage(pageTwo, PAGE_TWO as never, again, again + 10)!;
    expect([two.page, layerText(PAGE_TWO).slice(two.start, two.end)]).toEqual([1, 'Storm-1152']);
  });

  it('finds nothing for a range of breaks alone, or off the page', () => {
    const [pageOne] = document.pages;
    const gap = document.text.indexOf(' sold'); // the space the document text put between two runs
    expect(layerRangeOnPage(pageOne, PAGE_ONE as never, gap, gap + 1)).toBeNull();
    expect(layerRangeOnPage(pageOne, PAGE_ONE as never, pageOne.end + 2, pageOne.end + 8)).toBeNull();
  });

  it('finds the page of an offset, and none between pages', () => {
    const [pageOne, pageTwo] = document.pages;
    expect(pageIndexAt(document.pages, 0)).toBe(0);
    expect(pageIndexAt(document.pages, pageOne.end - 1)).toBe(0);
    expect(pageIndexAt(document.pages, pageTwo.start)).toBe(1);
    expect(pageIndexAt(document.pages, pageTwo.end - 1)).toBe(1);
    if (pageTwo.start > pageOne.end + 1) expect(pageIndexAt(document.pages, pageOne.end + 1)).toBeNull();
    expect(pageIndexAt(document.pages, -1)).toBeNull();
  });
});
