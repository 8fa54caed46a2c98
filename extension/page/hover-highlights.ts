import type { PageHighlights } from './page-highlights';
import { caretAt } from './selection';

const within = (rects: DOMRect[], x: number, y: number) => rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);

/**
 * A light shade on the highlight under the pointer, the cue that a click opens it. Worked out at most
 * once per frame, and only over a highlight's own lines (not the margin beside them).
 */
export function watchHover(highlights: PageHighlights, signal: AbortSignal): void {
  let pointer: { x: number; y: number } | null = null;
  let scheduled = false;
  const update = () => {
    scheduled = false;
    if (!pointer || highlights.count === 0) return highlights.hover(null);
    const caret = caretAt(pointer.x, pointer.y);
    const hit = caret && highlights.at(caret.node, caret.offset);
    const over = hit?.range && within([...hit.range.getClientRects()], pointer.x, pointer.y);
    highlights.hover(over ? hit.record.id : null);
  };
  document.addEventListener(
    'mousemove',
    (event) => {
      if (!event.isTrusted) return;
      pointer = { x: event.clientX, y: event.clientY };
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(update);
      }
    },
    { signal, passive: true },
  );
}
