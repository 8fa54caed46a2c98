/**
 * Links lie over the words of the text layer, so a press on one would take the link (or drag it away as
 * an address) and the words under it could never start a selection. Here a press on a link that moves
 * further than a click selects text from the point pressed, as a press on the words would; a press that
 * stays put is still a click on the link. While any drag selects, links let the pointer through, so a
 * selection begun on plain words can also end on a link's words.
 */

import { isEndOfContent } from './text-layer-gaps';

/** How far (CSS pixels) a press moves before it is a drag, not a click. */
const DRAG_DISTANCE = 4;
/** Set on the root while a drag selects: links let the pointer through (entrypoints/pdf/style.css). */
export const SELECTING_CLASS = 'pdf-selecting';

interface Caret {
  node: Node;
  offset: number;
}

/** The text position under a point, as the browser would start a selection there. */
function caretAt(x: number, y: number): Caret | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

const isLink = (target: EventTarget | null) => target instanceof Element && target.closest('.pdf-links a') !== null;

/** Watches `scroller`'s presses until `signal` aborts. Only trusted input acts. */
export function selectFromLinks(scroller: HTMLElement, signal: AbortSignal): void {
  const root = document.documentElement;
  scroller.addEventListener(
    'mousedown',
    (event) => {
      if (!event.isTrusted || event.button !== 0) return;
      // A press on a link is a click until it moves: only then may the pointer pass through links.
      if (isLink(event.target)) followPress(event);
      else root.classList.add(SELECTING_CLASS);
      const release = (up: MouseEvent) => {
        if (!up.isTrusted) return;
        root.classList.remove(SELECTING_CLASS);
        window.removeEventListener('mouseup', release);
      };
      window.addEventListener('mouseup', release, { signal });
    },
    { signal },
  );

  function followPress(press: MouseEvent): void {
    // No focus ring, no dragging the address, no selection of the (empty) link itself.
    press.preventDefault();
    let dragging = false;
    const stop = new AbortController();
    signal.addEventListener('abort', () => stop.abort(), { once: true, signal: stop.signal });
    window.addEventListener(
      'mousemove',
      (move) => {
        if (!move.isTrusted) return;
        if (!dragging && Math.hypot(move.clientX - press.clientX, move.clientY - press.clientY) < DRAG_DISTANCE) return;
        dragging = true;
        root.classList.add(SELECTING_CLASS);
        const base = caretAt(press.clientX, press.clientY);
        const extent = caretAt(move.clientX, move.clientY);
        // Over a gap between words the selection stays where it was (text-layer-gaps.ts).
        if (base && extent && !isEndOfContent(extent.node))
          getSelection()?.setBaseAndExtent(base.node, base.offset, extent.node, extent.offset);
      },
      { signal: stop.signal },
    );
    window.addEventListener(
      'mouseup',
      (release) => {
        if (!release.isTrusted) return;
        stop.abort();
        if (dragging) swallowClickOnLink();
      },
      { signal: stop.signal },
    );
  }

  /** The click that ends a drag begun on a link is the end of a selection, not a visit to the link. */
  function swallowClickOnLink(): void {
    const swallow = (click: MouseEvent) => {
      if (isLink(click.target)) {
        click.preventDefault();
        click.stopImmediatePropagation();
      }
    };
    window.addEventListener('click', swallow, { capture: true, once: true, signal });
    setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
  }
}
