/** A selection worth highlighting: not collapsed, not blank, and not inside a form field or editor. */
export function highlightableRange(selection: Selection | null, isOwnUi: (node: Node | null) => boolean): Range | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.toString().trim()) return null;
  const container = range.commonAncestorContainer;
  const element = container instanceof Element ? container : container.parentElement;
  if (isOwnUi(container) || !element) return null;
  if (element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return null;
  if (!document.body?.contains(container)) return null;
  return range;
}

/** The text position under a point, in either browser's API. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Whether two ranges cover the same boundaries. */
export function sameRange(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** Whether two ranges share some text (touching at a boundary is not sharing). */
export function rangesOverlap(a: Range, b: Range): boolean {
  // END_TO_START compares a's start with b's end; START_TO_END compares a's end with b's start.
  return a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0;
}

/** Whether `outer` holds all of `inner`. */
export function rangeContains(outer: Range, inner: Range): boolean {
  return outer.compareBoundaryPoints(Range.START_TO_START, inner) <= 0 && outer.compareBoundaryPoints(Range.END_TO_END, inner) >= 0;
}

/** The smallest range holding all of these. */
export function unionRange(ranges: readonly Range[]): Range {
  const union = ranges[0].cloneRange();
  for (const range of ranges.slice(1)) {
    if (range.compareBoundaryPoints(Range.START_TO_START, union) < 0) union.setStart(range.startContainer, range.startOffset);
    if (range.compareBoundaryPoints(Range.END_TO_END, union) > 0) union.setEnd(range.endContainer, range.endOffset);
  }
  return union;
}

/**
 * Where a selection ends, as a rectangle in the viewport: the focus point, where the mouse was
 * released or Shift+arrows left it. `backward` when the focus is before the anchor.
 */
export function selectionEnd(selection: Selection | null, range: Range, knownBackward?: boolean): { end: DOMRect; backward: boolean } {
  const backward =
    knownBackward ??
    (selection !== null &&
      selection.focusNode !== null &&
      selection.anchorNode !== null &&
      selection.focusNode === range.startContainer &&
      selection.focusOffset === range.startOffset &&
      !(selection.focusNode === range.endContainer && selection.focusOffset === range.endOffset));
  const point = document.createRange();
  if (backward) point.setStart(range.startContainer, range.startOffset);
  else point.setStart(range.endContainer, range.endOffset);
  point.collapse(true);
  const rects = [...point.getClientRects()];
  const lines = [...range.getClientRects()].filter((rect) => rect.width > 0 || rect.height > 0);
  // A collapsed point at a line break or element boundary may report nothing: fall back to the
  // first or last line of the selection itself.
  const line = backward ? lines[0] : lines[lines.length - 1];
  const caret = rects[0] ?? point.getBoundingClientRect();
  const usable = caret && (caret.height > 0 || caret.width > 0) ? caret : null;
  if (usable) return { end: usable, backward };
  const fallback = line ?? range.getBoundingClientRect();
  const x = backward ? fallback.left : fallback.right;
  return { end: new DOMRect(x, fallback.top, 0, fallback.height), backward };
}
