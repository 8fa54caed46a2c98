import type { PdfPageText } from '../pdf/document-text';
import type { PageTextItem } from './page-text';

/**
 * Between the two ways the viewer counts a page's characters: the text layer's (lib/pdf-viewer/page-text.ts:
 * each item's string, and one character for the line break after an item that ends a line) and the document
 * text's (lib/pdf/document-text.ts: each item's string copied verbatim at `itemOffsets[i]`, with spaces and
 * line breaks of its own between). A selection in the text layer becomes document offsets (for the W3C
 * selectors), and a stored highlight's document offsets become a range in the text layer (to paint it).
 */

/** Where each item's string starts in the layer's text, and how long it is; null for marked-content entries. */
export interface LayerItem {
  layerStart: number;
  length: number;
}

export function layerItems(items: readonly PageTextItem[]): (LayerItem | null)[] {
  let at = 0;
  return items.map((item) => {
    if (!('str' in item)) return null;
    const entry = { layerStart: at, length: item.str.length };
    at += item.str.length + (item.hasEOL ? 1 : 0);
    return entry;
  });
}

/**
 * The document offset of a place in the page's text layer. A place on a line break (after an item's
 * string, before the next item's) is the end of the item before it, or, as the start of a selection, the
 * start of the item after it, so that a selection never takes in the break's own whitespace at its edges.
 */
export function documentOffsetOfLayer(
  page: PdfPageText,
  items: readonly (LayerItem | null)[],
  layerOffset: number,
  side: 'start' | 'end',
): number {
  let previousEnd: number | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item || item.length === 0) continue;
    const docStart = page.itemOffsets[i];
    if (layerOffset < item.layerStart || (layerOffset === item.layerStart && side === 'end' && previousEnd !== null)) {
      // In the break before this item (or right at its start, for the end of a selection).
      return side === 'start' || previousEnd === null ? docStart : previousEnd;
    }
    if (layerOffset < item.layerStart + item.length || (layerOffset === item.layerStart + item.length && side === 'end')) {
      return docStart + (layerOffset - item.layerStart);
    }
    previousEnd = docStart + item.length;
  }
  return side === 'end' || previousEnd === null ? (previousEnd ?? page.end) : page.end;
}

/**
 * The part of document text [start, end) on this page, as offsets in its text layer, or null when none of
 * the page's items is inside it. Characters the document text added between items (spaces, line breaks)
 * stretch to the nearest item's edge.
 */
export function layerSpanOfDocument(
  page: PdfPageText,
  items: readonly (LayerItem | null)[],
  start: number,
  end: number,
): { start: number; end: number } | null {
  let from: number | null = null;
  let to: number | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item || item.length === 0) continue;
    const docStart = page.itemOffsets[i];
    const docEnd = docStart + item.length;
    if (docEnd <= start || docStart >= end) continue;
    if (from === null) from = item.layerStart + Math.max(0, start - docStart);
    to = item.layerStart + Math.min(item.length, end - docStart);
  }
  return from === null || to === null || to <= from ? null : { start: from, end: to };
}
