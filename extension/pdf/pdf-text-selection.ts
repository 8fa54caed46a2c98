import type { PdfView } from '@/components/pdf/pdf-view';
import { documentOffsetOfLayer, layerItemsOf, type LayerItems } from '@/lib/pdf-viewer/text-layer-offsets';
import { caretAt } from '../page/selection';
import type { PdfHighlights, PlacedPdfHighlight } from './pdf-highlights';
import { layerPointAt, layerSpanOfRange } from './text-layer-point';

/** A selection in the viewer's text, in document offsets, with the DOM range it was made as. */
export interface TextSelection {
  range: Range;
  start: number;
  end: number;
}

/** The person's selection in the viewer's text layers, if it holds any text (and is not in Gloss's own panels). */
export function currentTextRange(scroller: HTMLElement, ownUi: { contains: (node: Node | null) => boolean }): Range | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.toString().trim() || ownUi.contains(range.commonAncestorContainer)) return null;
  if (!scroller.contains(range.commonAncestorContainer)) return null;
  return layerSpanOfRange(scroller, range) ? range : null;
}

/**
 * The document offsets of a range in the text layers (lib/pdf-viewer/text-layer-offsets.ts). Waits for the
 * whole text when it is still being read: a person may select before the last page's text is in.
 */
export async function describeTextRange(
  view: PdfView,
  highlights: PdfHighlights,
  scroller: HTMLElement,
  range: Range,
): Promise<TextSelection | null> {
  const span = layerSpanOfRange(scroller, range);
  if (!span) return null;
  const text = highlights.documentText ?? (await view.documentText());
  const itemsOf = async (index: number) => highlights.layerItemsOf(index) ?? layerItemsOf(await view.pageItems(index));
  const [startItems, endItems] = await Promise.all([itemsOf(span.start.pageIndex), itemsOf(span.end.pageIndex)]);
  const startPage = text.pages[span.start.pageIndex];
  const endPage = text.pages[span.end.pageIndex];
  if (!startPage || !endPage) return null;
  const start = documentOffsetOfLayer(startPage, startItems, span.start.offset, 'start');
  const end = documentOffsetOfLayer(endPage, endItems, span.end.offset, 'end');
  return end > start ? { range: range.cloneRange(), start, end } : null;
}

/** The highlight under a point of the viewport, found through the caret there (none over a page's margin). */
export function highlightAtPoint(scroller: HTMLElement, highlights: PdfHighlights, x: number, y: number): PlacedPdfHighlight | null {
  const caret = caretAt(x, y);
  const text = highlights.documentText;
  if (!caret || !text) return null;
  const point = layerPointAt(scroller, caret.node, caret.offset, 'start');
  const layer = point && scroller.querySelector(`.pdf-page[data-page-number="${point.pageIndex + 1}"] .textLayer`);
  if (!point || !layer?.contains(caret.node)) return null;
  const items: LayerItems | undefined = highlights.layerItemsOf(point.pageIndex);
  const page = text.pages[point.pageIndex];
  if (!items || !page) return null;
  return highlights.at(documentOffsetOfLayer(page, items, point.offset, 'start'));
}

/** The highlight the pointer is over (on its own lines, not the margin beside them), or null. */
export function highlightUnderPointer(scroller: HTMLElement, highlights: PdfHighlights, x: number, y: number): string | null {
  const hit = highlightAtPoint(scroller, highlights, x, y);
  if (!hit) return null;
  const lines = highlights.rangesOf(hit.record.id).flatMap((range) => [...range.getClientRects()]);
  return lines.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) ? hit.record.id : null;
}

/**
 * Scrolls a highlight's page into view, waits until its text layer is drawn (pages draw as they come near),
 * then brings the passage to the upper third of the view. False when it is not anchored or never drawn.
 */
export async function revealPdfHighlight(scroller: HTMLElement, highlights: PdfHighlights, id: string): Promise<boolean> {
  const index = highlights.pageIndexOf(id);
  if (index === null || highlights.get(id)?.status !== 'anchored') return false;
  const page = scroller.querySelector<HTMLElement>(`.pdf-page[data-page-number="${index + 1}"]`);
  if (!page) return false;
  if (highlights.rangesOf(id).length === 0) scroller.scrollTop = page.offsetTop - 8;
  for (let frames = 0; highlights.rangesOf(id).length === 0; frames++) {
    if (frames > 600) return false;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const box = highlights.rangesOf(id)[0].getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  if (box.top < frame.top + 40 || box.bottom > frame.bottom - 40) scroller.scrollTop += box.top - frame.top - scroller.clientHeight / 3;
  return true;
}
