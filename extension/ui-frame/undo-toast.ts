import { h } from './dom';

/** "Highlight deleted. Undo": a few seconds to take a deletion back (the highlighter times it). */
export function undoToast(message: string, undo: () => void): HTMLElement {
  return h('div', { class: 'panel toast', role: 'status' },
    h('span', {}, message),
    h('button', { type: 'button', onclick: undo }, 'Undo'),
  );
}
