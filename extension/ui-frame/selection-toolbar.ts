import type { SelectionOffer } from '@/lib/messaging/ui-frame-protocol';
import { COLOR_LABELS, HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/storage/records';
import { h } from './dom';

export interface ToolbarActions {
  highlight: (color: HighlightColor, withNote: boolean) => void;
  edit: () => void;
  merge: (color: HighlightColor) => void;
  close: () => void;
}

/**
 * The small toolbar at the end of a selection. For a new passage: "Highlight" (in the default colour),
 * one button per colour that highlights in that colour at once, and "Add note"; when the selection
 * overlaps highlights, "Merge" as well. For a selection inside a highlight: "Edit highlight" only, so
 * no duplicate is made. Keys once it has focus (Tab from the selection): 1–5 highlight in a colour,
 * N adds a note, arrows move along it, Escape leaves it.
 */
export function selectionToolbar(color: HighlightColor, offer: SelectionOffer, actions: ToolbarActions): HTMLElement {
  const buttons: HTMLElement[] = [];
  if (offer.kind === 'inside') {
    buttons.push(h('button', { type: 'button', class: 'primary', onclick: actions.edit }, 'Edit highlight'));
  } else {
    buttons.push(h('button', { type: 'button', class: 'primary', onclick: () => actions.highlight(color, false) }, 'Highlight'));
    buttons.push(
      ...HIGHLIGHT_COLORS.map((each, i) =>
        h('button', {
          type: 'button',
          class: 'swatch',
          'data-color': each,
          'aria-label': COLOR_LABELS[each],
          'aria-pressed': String(each === color),
          title: `Highlight in ${COLOR_LABELS[each].toLowerCase()} (${i + 1})`,
          onclick: () => actions.highlight(each, false),
        }),
      ),
    );
    buttons.push(h('button', { type: 'button', 'aria-keyshortcuts': 'N', onclick: () => actions.highlight(color, true) }, 'Add note'));
    if (offer.kind === 'overlap') {
      const label = `Merge with ${offer.count === 1 ? 'the highlight' : `${offer.count} highlights`}`;
      buttons.push(
        h(
          'button',
          { type: 'button', title: 'Make one highlight of this selection and those it overlaps', onclick: () => actions.merge(color) },
          label,
        ),
      );
    }
  }
  const toolbar = h(
    'div',
    {
      class: 'panel toolbar',
      role: 'toolbar',
      'aria-label': 'Gloss',
      onkeydown: (event: Event) => {
        const key = event as KeyboardEvent;
        if (key.ctrlKey || key.metaKey || key.altKey) return;
        const digit = Number(key.key);
        if (offer.kind !== 'inside' && Number.isInteger(digit) && digit >= 1 && digit <= HIGHLIGHT_COLORS.length) {
          key.preventDefault();
          actions.highlight(HIGHLIGHT_COLORS[digit - 1], false);
        } else if (key.key === 'n' || key.key === 'N') {
          key.preventDefault();
          if (offer.kind === 'inside') actions.edit();
          else actions.highlight(color, true);
        } else if (key.key === 'Escape') {
          key.preventDefault();
          actions.close();
        } else if (key.key === 'ArrowRight' || key.key === 'ArrowLeft') {
          key.preventDefault();
          const at = buttons.indexOf(document.activeElement as HTMLElement);
          const step = key.key === 'ArrowRight' ? 1 : -1;
          buttons[(at + step + buttons.length) % buttons.length].focus();
        }
      },
    },
    ...buttons,
  );
  return toolbar;
}
