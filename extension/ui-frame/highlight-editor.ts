import type { EditorContent, EditorDraft } from '@/lib/messaging/ui-frame-protocol';
import type { HighlightColor } from '@/lib/storage/records';
import { colorPicker } from './color-picker';
import { h } from './dom';
import { tagField } from './tag-field';

export interface EditorActions {
  /** The current values, after every change, so that nothing typed is lost however the editor closes. */
  draft: (draft: EditorDraft) => void;
  close: () => void;
  remove: () => void;
  /** Save and move to the next or previous highlight (N and P, outside the text fields). */
  step: (direction: 1 | -1) => void;
  /** The tags in use, for the Tags field to suggest. */
  knownTags: Promise<string[]>;
}

const QUOTE_PREVIEW = 160;
/** The note starts at two lines and grows with what is written, up to this height, then scrolls. */
const NOTE_MAX_HEIGHT = 240;

/**
 * The editor for one highlight: colour (previewed in the page as it changes), note and tags, saved
 * when closed (Done, Escape, Ctrl+Enter or a click in the page). Delete asks to confirm first, so a
 * second click never deletes. Returns the dialog, the control to focus first, the handler of keys
 * pressed anywhere in the frame while it is open (Tab stays inside it; Escape closes it), and what to
 * run once it is attached (the note's first sizing: the frame is placed once, at its final size, since
 * Chrome may send clicks to the page while a cross-origin frame it has just resized is redrawn).
 */
export function highlightEditor(
  content: EditorContent,
  focusNote: boolean,
  actions: EditorActions,
): {
  dialog: HTMLElement;
  first: HTMLElement;
  keys: (event: KeyboardEvent) => void;
  /** Sizes the note to its text once the dialog is in the document, before the frame reports its size. */
  attached: () => void;
} {
  let color: HighlightColor = content.color;
  const note = h('textarea', { 'aria-label': 'Note', placeholder: 'Add a note (Markdown works)…', rows: 2 });
  note.value = content.note;
  const report = () => actions.draft({ color, note: note.value, tags: tags.input.value });
  const grow = () => {
    note.style.height = 'auto';
    note.style.height = `${Math.min(note.scrollHeight + 2, NOTE_MAX_HEIGHT)}px`;
  };
  note.addEventListener('input', () => {
    grow();
    report();
  });
  const tags = tagField(content.tags.join(', '), actions.knownTags, report);
  const picker = colorPicker(color, (chosen) => {
    color = chosen;
    report();
  });
  const quote = content.quote;

  const deleteButton = h('button', { type: 'button', class: 'danger', onclick: () => confirmDelete(true) }, 'Delete');
  const done = h('button', { type: 'button', class: 'primary', onclick: actions.close }, 'Done');
  const keep = h('button', { type: 'button', onclick: () => confirmDelete(false) }, 'Keep');
  const confirm = h('button', { type: 'button', class: 'danger-strong', onclick: actions.remove }, 'Delete highlight');
  const actionsRow = h('div', { class: 'row' }, deleteButton, done);
  // The confirming button sits at the other end of the row from Delete, and the focus goes to Keep.
  const confirmRow = h(
    'div',
    { class: 'row confirm', role: 'group', 'aria-label': 'Delete this highlight?' },
    h('span', {}, 'Delete this highlight?'),
    h('span', { class: 'row-end' }, keep, confirm),
  );
  confirmRow.hidden = true;
  function confirmDelete(asking: boolean): void {
    actionsRow.hidden = asking;
    confirmRow.hidden = !asking;
    (asking ? keep : deleteButton).focus();
  }

  const dialog = h(
    'div',
    { class: 'panel editor', role: 'dialog', 'aria-label': 'Edit highlight', 'aria-modal': 'true' },
    h('p', { class: 'quote' }, quote.length > QUOTE_PREVIEW ? `${quote.slice(0, QUOTE_PREVIEW)}…` : quote),
    picker,
    h('label', {}, 'Note', note),
    tags.label,
    actionsRow,
    confirmRow,
  );

  const keys = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return; // the tag list took it (Escape closing the list, Enter choosing)
    const inText = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
    if (event.key === 'Tab') {
      keepFocusInside(dialog, event);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!confirmRow.hidden) confirmDelete(false);
      else actions.close();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      actions.close();
    } else if (
      !inText &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      (event.key === 'n' || event.key === 'p' || event.key === 'N' || event.key === 'P')
    ) {
      event.preventDefault();
      actions.step(event.key.toLowerCase() === 'n' ? 1 : -1);
    }
  };
  const checked = picker.querySelector<HTMLElement>('[aria-checked="true"]');
  return { dialog, first: focusNote || !checked ? note : checked, keys, attached: grow };
}

/**
 * Tab and Shift+Tab cycle through the dialog's controls and never leave it: from its last control
 * back to its first, and from anywhere else in the frame (its body, after a click on the quote) into it.
 */
export function keepFocusInside(dialog: HTMLElement, event: Pick<KeyboardEvent, 'shiftKey' | 'preventDefault'>): void {
  const controls = [...dialog.querySelectorAll<HTMLElement>('button, textarea, input')].filter(
    (control) => control.tabIndex >= 0 && !control.closest('[hidden]') && !(control as HTMLButtonElement).disabled,
  );
  if (controls.length === 0) return;
  const at = controls.indexOf(document.activeElement as HTMLElement);
  if (at < 0) {
    event.preventDefault();
    (event.shiftKey ? controls[controls.length - 1] : controls[0]).focus();
    return;
  }
  const next = at + (event.shiftKey ? -1 : 1);
  if (next < 0 || next >= controls.length) {
    event.preventDefault();
    controls[(next + controls.length) % controls.length].focus();
  }
}
