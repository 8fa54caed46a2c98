/**
 * The reverse of text-layer-range.ts: where a DOM point (a selection's boundary, the caret under the
 * mouse) falls in a page's text layer, counted as lib/pdf-viewer/page-text.ts counts: the text nodes'
 * characters, and one for each <br>.
 */

/** A place in the viewer's text: the page (0-based) and the offset in that page's text layer. */
export interface LayerPoint {
  pageIndex: number;
  offset: number;
}

const LAYER = '.textLayer';

function pageIndexOf(layer: Element): number | null {
  const page = layer.closest<HTMLElement>('.pdf-page');
  const number = Number(page?.dataset.pageNumber);
  return Number.isInteger(number) && number >= 1 ? number - 1 : null;
}

/** The layer offset of the point (node, offset) inside `layer`. */
export function layerOffsetAt(layer: HTMLElement, node: Node, offset: number): number {
  const point = layer.ownerDocument.createRange();
  point.setStart(node, offset);
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let at = 0;
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current.nodeType === Node.TEXT_NODE) {
      const text = current as Text;
      if (text === node) return at + Math.min(offset, text.length);
      // comparePoint: -1 when (text, i) is before the point, 1 after.
      if (point.comparePoint(text, 0) >= 0) return at;
      at += text.length;
    } else if ((current as Element).tagName === 'BR') {
      const parent = current.parentNode!;
      const index = Array.prototype.indexOf.call(parent.childNodes, current) as number;
      if (point.comparePoint(parent, index) >= 0) return at;
      at += 1;
    }
  }
  return at;
}

/** The length of a layer's text, in the same count. */
function layerLength(layer: HTMLElement): number {
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let length = 0;
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current.nodeType === Node.TEXT_NODE) length += (current as Text).length;
    else if ((current as Element).tagName === 'BR') length += 1;
  }
  return length;
}

/**
 * Where a boundary of a selection falls in the viewer's text. A boundary outside any text layer (in the
 * gap between pages, on a page's margin) moves to the nearest text in the selection's direction: the start
 * of the next layer for a selection's start, the end of the previous one for its end.
 */
export function layerPointAt(container: HTMLElement, node: Node, offset: number, side: 'start' | 'end'): LayerPoint | null {
  const element = node instanceof Element ? node : node.parentElement;
  const layer = element?.closest<HTMLElement>(LAYER);
  if (layer && container.contains(layer)) {
    const pageIndex = pageIndexOf(layer);
    return pageIndex === null ? null : { pageIndex, offset: layerOffsetAt(layer, node, offset) };
  }
  const point = container.ownerDocument.createRange();
  point.setStart(node, offset);
  const layers = [...container.querySelectorAll<HTMLElement>(LAYER)];
  // Layers after the point (comparePoint of their start is 1), or before it.
  const after = layers.filter((candidate) => point.comparePoint(candidate, 0) > 0);
  const chosen = side === 'start' ? after[0] : layers.filter((candidate) => !after.includes(candidate)).at(-1);
  if (!chosen) return null;
  const pageIndex = pageIndexOf(chosen);
  if (pageIndex === null) return null;
  return { pageIndex, offset: side === 'start' ? 0 : layerLength(chosen) };
}

/** The boundaries of a range in the viewer's text, or null when it holds none of it. */
export function layerSpanOfRange(container: HTMLElement, range: Range): { start: LayerPoint; end: LayerPoint } | null {
  const start = layerPointAt(container, range.startContainer, range.startOffset, 'start');
  const end = layerPointAt(container, range.endContainer, range.endOffset, 'end');
  if (!start || !end) return null;
  if (end.pageIndex < start.pageIndex || (end.pageIndex === start.pageIndex && end.offset <= start.offset)) return null;
  return { start, end };
}
