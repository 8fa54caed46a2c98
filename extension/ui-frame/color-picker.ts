import { COLOR_LABELS, HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/storage/records';
import { h } from './dom';

/** A radio group of colour swatches; arrow keys move between them, as in any radio group. */
export function colorPicker(selected: HighlightColor, onChange: (color: HighlightColor) => void): HTMLElement {
  let current = selected;
  const buttons = HIGHLIGHT_COLORS.map((color) =>
    h('button', {
      type: 'button',
      class: 'swatch',
      role: 'radio',
      'data-color': color,
      'aria-label': COLOR_LABELS[color],
      title: COLOR_LABELS[color],
      onclick: () => choose(color),
    }),
  );
  function choose(color: HighlightColor, focus = false): void {
    current = color;
    buttons.forEach((button, i) => {
      const checked = HIGHLIGHT_COLORS[i] === color;
      button.setAttribute('aria-checked', String(checked));
      button.tabIndex = checked ? 0 : -1;
      if (checked && focus) button.focus();
    });
    onChange(color);
  }
  const group = h(
    'div',
    {
      class: 'swatches',
      role: 'radiogroup',
      'aria-label': 'Colour',
      onkeydown: (event: Event) => {
        const key = (event as KeyboardEvent).key;
        const step = key === 'ArrowRight' || key === 'ArrowDown' ? 1 : key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 0;
        if (!step) return;
        event.preventDefault();
        const next = (HIGHLIGHT_COLORS.indexOf(current) + step + HIGHLIGHT_COLORS.length) % HIGHLIGHT_COLORS.length;
        choose(HIGHLIGHT_COLORS[next], true);
      },
    },
    ...buttons,
  );
  buttons.forEach((button, i) => {
    button.setAttribute('aria-checked', String(HIGHLIGHT_COLORS[i] === selected));
    button.tabIndex = HIGHLIGHT_COLORS[i] === selected ? 0 : -1;
  });
  return group;
}
