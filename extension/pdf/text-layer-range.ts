/**
 * A DOM Range over characters `start`..`end` of a page's text layer, counted as in
 * lib/pdf-viewer/page-text.ts: the text nodes' characters, and one for each <br> (a line's end).
 */
export function textLayerRange(layer: HTMLElement, start: number, end: number): Range | null {
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  const range = layer.ownerDocument.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const length = (node as Text).length;
      if (!started && start < at + length) {
        range.setStart(node, start - at);
        started = true;
      }
      if (started && end <= at + length) {
        range.setEnd(node, end - at);
        return range;
      }
      at += length;
    } else if ((node as Element).tagName === 'BR') {
      // A line's end: a range can start or end just around it.
      if (!started && start === at) {
        range.setStartBefore(node);
        started = true;
      }
      at += 1;
      if (started && end === at) {
        range.setEndAfter(node);
        return range;
      }
    }
  }
  return null;
}
