/**
 * From the document text (lib/pdf/document-text.ts) to a page's text layer (page-text.ts). Both copy each
 * text item's string verbatim; they differ between items: the document text puts inferred spaces, line
 * and paragraph breaks there, the text layer one line break after an item that ends a line. So a place in
 * the document text maps through the item it falls in; a place between items goes to the nearest item's
 * edge (the next one's start for a start, the previous one's end for an end).
 */
import type { PdfPageText } from '../pdf/document-text';
import type { PageTextItem } from './page-text';

/** Where each item starts in the page's text layer text; marked-content markers take the place they fall at. */
export function layerItemStarts(items: readonly PageTextItem[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const item of items) {
    starts.push(at);
    if (!('str' in item)) continue;
    at += item.str.length + (item.hasEOL ? 1 : 0);
  }
  return starts;
}

export interface LayerRange {
  /** 0-based page index. */
  page: number;
  start: number;
  end: number;
}

/**
 * The part of document text [start, end) on page `page` (its PdfPageText and the items its text layer
 * draws), in the layer's offsets; null when no text item of the page holds any of it.
 */
export function layerRangeOnPage(page: PdfPageText, items: readonly PageTextItem[], start: number, end: number): LayerRange | null {
  const from = Math.max(start, page.start);
  const to = Math.min(end, page.end);
  if (from >= to) return null;
  const layerStarts = layerItemStarts(items);
  let layerStart: number | null = null;
  let layerEnd: number | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!('str' in item) || item.str.length === 0) continue;
    const itemStart = page.itemOffsets[i];
    const itemEnd = itemStart + item.str.length;
    if (itemEnd <= from || itemStart >= to) continue;
    if (layerStart === null) layerStart = layerStarts[i] + Math.max(0, from - itemStart);
    layerEnd = layerStarts[i] + Math.min(item.str.length, to - itemStart);
  }
  if (layerStart === null || layerEnd === null || layerEnd <= layerStart) return null;
  return { page: page.pageNumber - 1, start: layerStart, end: layerEnd };
}

/** The page of a document text offset (binary search over the pages' starts); null outside the text. */
export function pageIndexAt(pages: readonly Pick<PdfPageText, 'start' | 'end'>[], offset: number): number | null {
  let low = 0;
  let high = pages.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (offset < pages[middle].start) high = middle - 1;
    else if (offset >= pages[middle].end && middle < pages.length - 1) low = middle + 1;
    else return offset <= pages[middle].end ? middle : null;
  }
  return null;
}
