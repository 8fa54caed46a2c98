import type { EditorContent, EditorDraft } from '@/lib/messaging/ui-frame-protocol';
import type { HighlightColor } from '@/lib/storage/records';
import { colorPicker } from './color-picker';
import { h } from './dom';

export interface EditorActions {
  /** The current values, after every change, so that nothing typed is lost however the editor closes. */
  draft: (draft: EditorDraft) => void;
  close: () => void;
  remove: () => void;
}

const QUOTE_PREVIEW = 160;

/**
 * The editor for one highlight: colour, note and tags, saved when closed (Done, Escape, Ctrl+Enter or
 * a click in the page); Delete removes it. Returns the dialog and the control to focus first.
 */
export function highlightEditor(content: EditorContent, focusNote: boolean, actions: EditorActions): { dialog: HTMLElement; first: HTMLElement } {
  let color: HighlightColor = content.color;
  const note = h('textarea', { 'aria-label': 'Note', placeholder: 'Add a note…' });
  note.value = content.note;
  const tags = h('input', { type: 'text', 'aria-label': 'Tags', placeholder: 'tags, separated by commas' });
  tags.value = content.tags.join(', ');
  const report = () => actions.draft({ color, note: note.value, tags: tags.value });
  note.addEventListener('input', report);
  tags.addEventListener('input', report);
  const picker = colorPicker(color, (chosen) => { color = chosen; report(); });
  const quote = content.quote;
  const dialog = h('div', {
    class: 'panel editor',
    role: 'dialog',
    'aria-label': 'Edit highlight',
    onkeydown: (event: Event) => {
      const key = event as KeyboardEvent;
      if (key.key === 'Escape' || (key.key === 'Enter' && (key.ctrlKey || key.metaKey))) {
        key.preventDefault();
        actions.close();
      } else if (key.key === 'Tab') {
        keepFocusInside(dialog, key);
      }
    },
  },
    h('p', { class: 'quote' }, quote.length > QUOTE_PREVIEW ? `${quote.slice(0, QUOTE_PREVIEW)}…` : quote),
    picker,
    h('label', {}, 'Note', note),
    h('label', {}, 'Tags', tags),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'danger', onclick: actions.remove }, 'Delete'),
      h('button', { type: 'button', class: 'primary', onclick: actions.close }, 'Done'),
    ),
  );
  const checked = picker.querySelector<HTMLElement>('[aria-checked="true"]');
  return { dialog, first: focusNote || !checked ? note : checked };
}

/** Tab and Shift+Tab cycle through the dialog's controls instead of leaving it. */
export function keepFocusInside(dialog: HTMLElement, event: Pick<KeyboardEvent, 'shiftKey' | 'preventDefault'>): void {
  const controls = [...dialog.querySelectorAll<HTMLElement>('button, textarea, input')].filter((control) => control.tabIndex >= 0);
  if (controls.length === 0) return;
  const first = controls[0];
  const last = controls[controls.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
