/** What the person does in the viewer that the highlights answer; each called for trusted input only. */
export interface ViewerInput {
  /** A selection may have been made: the mouse was released, or Shift (Shift+arrows extend a selection). */
  selectionMade: () => void;
  /** A key other than Shift was released. */
  keyReleased: (key: string) => void;
  /** Tab or Escape, pressed with the focus outside Gloss's panels; true when it was taken (no default action). */
  keyPressed: (key: 'Tab' | 'Escape') => boolean;
  click: (event: MouseEvent) => void;
  /** A mouse press outside Gloss's panels: what they show is left. */
  pressedOutside: () => void;
  pointerAt: (x: number, y: number) => void;
}

/**
 * The viewer's input, as the highlight session on web pages listens for it (extension/page/highlight-session.ts):
 * only trusted events act, and presses inside Gloss's own panels are theirs.
 */
export function watchViewerInput(
  scroller: HTMLElement,
  panels: { contains: (node: Node | null) => boolean; hasFocus: () => boolean },
  input: ViewerInput,
  signal: AbortSignal,
): void {
  const listen = { signal, passive: true } as const;
  const trusted =
    <E extends Event>(handler: (event: E) => void) =>
    (event: E) => {
      if (event.isTrusted) handler(event);
    };
  const inPanels = (event: Event) => panels.contains(event.composedPath()[0] as Node);
  scroller.addEventListener(
    'mouseup',
    // A click in the toolbar itself is an answer to it, not a new selection.
    trusted((event: MouseEvent) => !inPanels(event) && setTimeout(input.selectionMade, 0)),
    listen,
  );
  document.addEventListener(
    'keyup',
    trusted((event: KeyboardEvent) => (event.shiftKey || event.key === 'Shift' ? input.selectionMade() : input.keyReleased(event.key))),
    listen,
  );
  document.addEventListener(
    'keydown',
    trusted((event: KeyboardEvent) => {
      const plain = !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
      const key = event.key === 'Tab' && plain ? 'Tab' : event.key === 'Escape' ? 'Escape' : null;
      if (key && !panels.hasFocus() && input.keyPressed(key) && key === 'Tab') event.preventDefault();
    }),
    { signal, capture: true },
  );
  scroller.addEventListener('click', trusted(input.click), listen);
  document.addEventListener(
    'mousedown',
    trusted((event: MouseEvent) => !inPanels(event) && input.pressedOutside()),
    listen,
  );
  // The highlight under the pointer is worked out at most once per frame.
  let pointer: { x: number; y: number } | null = null;
  scroller.addEventListener(
    'mousemove',
    trusted((event: MouseEvent) => {
      const waiting = pointer !== null;
      pointer = { x: event.clientX, y: event.clientY };
      if (waiting) return;
      requestAnimationFrame(() => {
        const at = pointer;
        pointer = null;
        if (at && !signal.aborted) input.pointerAt(at.x, at.y);
      });
    }),
    listen,
  );
}
