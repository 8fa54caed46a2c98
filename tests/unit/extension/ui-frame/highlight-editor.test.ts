// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { h } from '@/extension/ui-frame/dom';
import { highlightEditor, keepFocusInside } from '@/extension/ui-frame/highlight-editor';
import { selectionToolbar } from '@/extension/ui-frame/selection-toolbar';

const CONTENT = {
  quote: 'Astonishingly, the group managed to generate a staggering 750 million',
  color: 'green' as const,
  note: 'The headline number.',
  tags: ['fraud', 'Storm-1152'],
};

function editor(focusNote = false) {
  const actions = {
    draft: vi.fn(),
    close: vi.fn(),
    remove: vi.fn(),
    step: vi.fn(),
    knownTags: Promise.resolve(['fraud', 'phishing', 'social-engineering']),
  };
  const { dialog, first, keys } = highlightEditor(CONTENT, focusNote, actions);
  document.body.replaceChildren(dialog);
  return { dialog, first, keys, actions };
}

const control = (root: Element, label: string) =>
  [...root.querySelectorAll<HTMLElement>('button, textarea, input')].find(
    (element) => (element.getAttribute('aria-label') ?? element.textContent) === label,
  )!;

describe('the in-page UI frame’s controls', () => {
  it('act only on trusted events: a scripted click does nothing', () => {
    const clicked = vi.fn();
    const button = h('button', { onclick: clicked }, 'Highlight');
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(clicked).not.toHaveBeenCalled();
  });

  const toolbarActions = () => ({ highlight: vi.fn(), edit: vi.fn(), merge: vi.fn(), close: vi.fn() });
  const names = (root: Element) =>
    [...root.querySelectorAll('button')].map((button) => button.getAttribute('aria-label') ?? button.textContent);

  it('shows the toolbar with Highlight, the five colours and Add note', () => {
    const toolbar = selectionToolbar('yellow', { kind: 'new' }, toolbarActions());
    expect(toolbar.getAttribute('role')).toBe('toolbar');
    expect(names(toolbar)).toEqual(['Highlight', 'Yellow', 'Green', 'Blue', 'Pink', 'Purple', 'Add note']);
    expect(toolbar.querySelector('[aria-label="Yellow"]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('offers to edit, not to duplicate, a selection inside a highlight; and to merge one that overlaps some', () => {
    expect(names(selectionToolbar('yellow', { kind: 'inside' }, toolbarActions()))).toEqual(['Edit highlight']);
    expect(names(selectionToolbar('yellow', { kind: 'overlap', count: 2 }, toolbarActions())).at(-1)).toBe('Merge with 2 highlights');
  });

  it('steps with N and P outside the text fields, and Escape closes from anywhere in the frame', () => {
    const { dialog, keys, actions } = editor();
    const key = (target: Element, name: string) => {
      const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'target', { value: target });
      keys(event);
      return event;
    };
    key(control(dialog, 'Green'), 'n');
    expect(actions.step).toHaveBeenLastCalledWith(1);
    key(control(dialog, 'Done'), 'P');
    expect(actions.step).toHaveBeenLastCalledWith(-1);
    key(control(dialog, 'Note'), 'n');
    expect(actions.step).toHaveBeenCalledTimes(2);
    key(document.body, 'Escape');
    expect(actions.close).toHaveBeenCalledTimes(1);
  });

  it('shows a dialog named Edit highlight with the quote, the note, the tags, Delete and Done', () => {
    const { dialog } = editor();
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('Edit highlight');
    expect(dialog.querySelector('.quote')?.textContent).toBe(CONTENT.quote);
    expect((control(dialog, 'Note') as HTMLTextAreaElement).value).toBe('The headline number.');
    expect((control(dialog, 'Tags') as HTMLInputElement).value).toBe('fraud, Storm-1152');
    expect(control(dialog, 'Delete')).toBeDefined();
    expect(control(dialog, 'Done')).toBeDefined();
  });

  it('starts on the chosen colour, or on the note when asked', () => {
    expect(editor().first.getAttribute('aria-label')).toBe('Green');
    expect(editor(true).first.getAttribute('aria-label')).toBe('Note');
  });

  it('reports every edit as a draft, so closing from the page loses nothing', () => {
    const { dialog, actions } = editor();
    const note = control(dialog, 'Note') as HTMLTextAreaElement;
    note.value = 'Check the court filing.';
    note.dispatchEvent(new Event('input'));
    expect(actions.draft).toHaveBeenLastCalledWith({ color: 'green', note: 'Check the court filing.', tags: 'fraud, Storm-1152' });
  });

  it('keeps Tab inside the dialog: past the last control it comes back to the first, and Shift+Tab goes round the other way', () => {
    const { dialog } = editor();
    const tabbable = [...dialog.querySelectorAll<HTMLElement>('button, textarea, input')].filter(
      (element) => element.tabIndex >= 0 && !element.closest('[hidden]'),
    );
    const first = tabbable[0];
    const last = tabbable[tabbable.length - 1];
    expect([first.getAttribute('aria-label'), last.textContent]).toEqual(['Green', 'Done']);
    const tab = (shiftKey: boolean) => ({
      shiftKey,
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    });
    last.focus();
    const forward = tab(false);
    keepFocusInside(dialog, forward);
    expect(forward.prevented).toBe(true);
    expect(document.activeElement).toBe(first);
    const back = tab(true);
    keepFocusInside(dialog, back);
    expect(document.activeElement).toBe(last);
    // From the frame's body (after a click on the quote), Tab goes into the dialog, not out to the page.
    (document.activeElement as HTMLElement).blur();
    const fromBody = tab(false);
    keepFocusInside(dialog, fromBody);
    expect(fromBody.prevented).toBe(true);
    expect(document.activeElement).toBe(first);
    // Inside the dialog, Tab moves as usual.
    const middle = tab(false);
    control(dialog, 'Note').focus();
    keepFocusInside(dialog, middle);
    expect(middle.prevented).toBe(false);
  });
});
