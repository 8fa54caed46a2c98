import { h } from './dom';

/**
 * A short notice at the bottom of the view: "Highlight deleted. Undo" (a few seconds to take a
 * deletion back; the highlighter times it), or what to do when a shortcut had nothing to act on.
 */
export function undoToast(message: string, undo: (() => void) | null, close: () => void): HTMLElement {
  return h(
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
}
