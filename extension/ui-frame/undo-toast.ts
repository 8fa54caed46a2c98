import { h, trustedOnly } from './dom';

/** How long the notice stays on screen, unattended, before it closes itself. */
export const TOAST_MS = 8000;

/**
 * A short notice at the bottom of the view: "Highlight deleted. Undo" (a few seconds to take a
 * deletion back), or what to do when a shortcut had nothing to act on. It closes itself (`close`) once it
 * has been on screen for `lifetimeMs`: counted from when it is first drawn (the next animation frame; a
 * busy browser may draw a frame late, and the time to undo must not run out before the notice is even
 * seen), and not while the pointer is over it or the keyboard focus is in it (someone is reaching for
 * Undo or reading it). The highlight sessions only hide it when it says so.
 */
export function undoToast(message: string, undo: (() => void) | null, close: () => void, lifetimeMs = TOAST_MS): HTMLElement {
  const toast = h(
    'div',
    {
      class: 'panel toast',
      role: 'status',
      onkeydown: (event: Event) => {
        if ((event as KeyboardEvent).key === 'Escape') close();
      },
    },
    h('span', {}, message),
    undo && h('button', { type: 'button', onclick: undo }, 'Undo'),
  );
  let remaining = lifetimeMs;
  let since = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let drawn = false;
  let hovered = false;
  let focused = false;
  const count = () => {
    if (!drawn || hovered || focused || timer !== null || !toast.isConnected) return;
    since = performance.now();
    timer = setTimeout(() => {
      timer = null;
      if (toast.isConnected) close();
    }, remaining);
  };
  const hold = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    remaining = Math.max(0, remaining - (performance.now() - since));
  };
  const listen = (type: string, listener: () => void) => toast.addEventListener(type, trustedOnly(listener));
  listen('pointerenter', () => ((hovered = true), hold()));
  listen('pointerleave', () => ((hovered = false), count()));
  listen('focusin', () => ((focused = true), hold()));
  listen('focusout', () => ((focused = false), count()));
  requestAnimationFrame(() => {
    drawn = true;
    count();
  });
  return toast;
}
