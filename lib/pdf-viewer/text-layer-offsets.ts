import type { PdfPageText } from '../pdf/document-text';
import { layerItemStarts } from './document-offsets';
import type { PageTextItem } from './page-text';

/**
 * From a page's text layer to the document text: the reverse of document-offsets.ts. A selection in the
 * text layer (counted as lib/pdf-viewer/page-text.ts counts: each item's string, and one character for the
 * line break after an item that ends a line) becomes document offsets, for the W3C selectors. Both copy
 * each item's string verbatim; between items the document text has spaces and line breaks of its own.
 */

/** A page's text items with where each starts in the layer's text (layerItemStarts), worked out once per page. */
export interface LayerItems {
  items: readonly PageTextItem[];
  starts: number[];
}

export function layerItemsOf(items: readonly PageTextItem[]): LayerItems {
  return { items, starts: layerItemStarts(items) };
}

/**
 * The document offset of a place in the page's text layer. A place on a line break (after an item's
 * string, before the next item's) is the end of the item before it, or, as the start of a selection, the
 * start of the item after it, so that a selection never takes in the break's own whitespace at its edges.
 */
export function documentOffsetOfLayer(
  page: PdfPageText,
  { items, starts }: LayerItems,
  layerOffset: number,
  side: 'start' | 'end',
): number {
  let previousEnd: number | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!('str' in item) || item.str.length === 0) continue;
    const length = item.str.length;
    const layerStart = starts[i];
    const docStart = page.itemOffsets[i];
    if (layerOffset < layerStart || (layerOffset === layerStart && side === 'end' && previousEnd !== null)) {
      // In the break before this item (or right at its start, for the end of a selection).
      return side === 'start' || previousEnd === null ? docStart : previousEnd;
    }
    if (layerOffset < layerStart + length || (layerOffset === layerStart + length && side === 'end')) {
      return docStart + (layerOffset - layerStart);
    }
    previousEnd = docStart + length;
  }
  return previousEnd !== null && side === 'end' ? previousEnd : page.end;
}
