/**
 * Between its lines and beside them a text layer has no words. A browser extending a selection over such
 * a gap reads the pointer as being at the layer's start or end, so the selection jumps to the end of the
 * page or collapses, and a drag released past a line's end keeps what the jump left. pdf.js's own viewer
 * answers with an "end of content" block under the words; this is the same idea. While a press lasts the
 * block spreads over each layer, kept just after the selection's moving end (before it, for a backward
 * selection): a pointer in a gap then meets the block, and the selection stays where the words took it.
 */

const END_OF_CONTENT = 'endOfContent';
/** Set on every drawn text layer while a press lasts (entrypoints/pdf/style.css spreads the block). */
const SELECTING = 'selecting';

/** The block a text layer ends with: no text, so it counts for nothing in the layer's offsets. */
export function endOfContent(): HTMLElement {
  const block = document.createElement('div');
  block.className = END_OF_CONTENT;
  block.setAttribute('aria-hidden', 'true');
  return block;
}

export const isEndOfContent = (node: Node | null): boolean =>
  node instanceof Element ? node.closest(`.${END_OF_CONTENT}`) !== null : !!node?.parentElement?.closest(`.${END_OF_CONTENT}`);

/** Watches `scroller`'s presses and the selection until `signal` aborts. Only trusted presses act. */
export function keepSelectionOverGaps(scroller: HTMLElement, signal: AbortSignal): void {
  const layers = () => scroller.querySelectorAll<HTMLElement>('.textLayer');
  let pressing = false;
  scroller.addEventListener(
    'mousedown',
    (event) => {
      if (!event.isTrusted || event.button !== 0) return;
      pressing = true;
      for (const layer of layers()) layer.classList.add(SELECTING);
    },
    { signal },
  );
  window.addEventListener(
    'mouseup',
    (event) => {
      if (!pressing || !event.isTrusted) return;
      pressing = false;
      for (const layer of layers()) {
        layer.classList.remove(SELECTING);
        const block = layer.querySelector(`.${END_OF_CONTENT}`);
        if (block) layer.append(block);
      }
    },
    { signal },
  );
  // Before each move extends the selection, as well as after: selectionchange alone may come too late.
  const follow = (event: Event) => pressing && event.isTrusted && followMovingEnd();
  document.addEventListener('selectionchange', follow, { signal });
  window.addEventListener('mousemove', follow, { signal, passive: true });
}

/** Puts the block of the layer holding the selection's moving end just past that end's word. */
function followMovingEnd(): void {
  const selection = getSelection();
  const focus = selection?.focusNode;
  if (!selection || !focus || selection.rangeCount === 0) return;
  const word = focus.nodeType === Node.TEXT_NODE ? focus.parentElement : (focus as Element);
  const layer = word?.closest<HTMLElement>('.textLayer');
  if (!word || !layer || word === layer || isEndOfContent(word)) return;
  const block = layer.querySelector(`.${END_OF_CONTENT}`);
  if (!block) return;
  const range = selection.getRangeAt(0);
  const forward = range.endContainer === focus && range.endOffset === selection.focusOffset;
  // Moved only when it must: Firefox loses track of a drag whose block is taken out and put back.
  const placed = forward ? word.nextSibling === block : block.nextSibling === word;
  if (!placed) word.parentNode?.insertBefore(block, forward ? word.nextSibling : word);
}
