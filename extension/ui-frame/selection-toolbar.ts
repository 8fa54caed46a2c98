import type { HighlightColor } from '@/lib/storage/records';
import { colorPicker } from './color-picker';
import { h } from './dom';

/** The small toolbar next to a text selection: "Highlight", a colour, and "Add note". */
export function selectionToolbar(initial: HighlightColor, highlight: (color: HighlightColor, withNote: boolean) => void): HTMLElement {
  let color = initial;
  return h('div', { class: 'panel toolbar', role: 'toolbar', 'aria-label': 'Gloss' },
    h('button', { type: 'button', class: 'primary', onclick: () => highlight(color, false) }, 'Highlight'),
    colorPicker(color, (chosen) => { color = chosen; }),
    h('button', { type: 'button', onclick: () => highlight(color, true) }, 'Add note'),
  );
}
