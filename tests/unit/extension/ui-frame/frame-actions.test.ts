// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

// jsdom cannot make a trusted event, so here every event counts as the person's own; that scripted
// events do nothing is tested in highlight-editor.test.ts and, with real input, in the e2e tests.
vi.mock('@/extension/ui-frame/dom', async (original) => {
  const actual = await original<typeof import('@/extension/ui-frame/dom')>();
  const h: typeof actual.h = (tag, attributes = {}, ...children) => {
    const plain = Object.fromEntries(Object.entries(attributes).filter(([, value]) => typeof value !== 'function'));
    const element = actual.h(tag, plain, ...children);
    for (const [name, value] of Object.entries(attributes)) {
      if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    }
    return element;
  };
  return { ...actual, h, trustedOnly: (listener: EventListener) => listener };
});

const { highlightEditor } = await import('@/extension/ui-frame/highlight-editor');
const { selectionToolbar } = await import('@/extension/ui-frame/selection-toolbar');
const { buildGlossView } = await import('@/extension/ui-frame/gloss-views');

const CONTENT = { quote: 'Astonishingly, the group', color: 'green' as const, note: '', tags: [] };
const trusted = <E extends Event>(event: E) => event;
const toolbarActions = () => ({ highlight: vi.fn(), edit: vi.fn(), merge: vi.fn(), close: vi.fn() });
const control = (root: Element, label: string) =>
  [...root.querySelectorAll<HTMLElement>('button, textarea, input')].find(
    (element) => (element.getAttribute('aria-label') ?? element.textContent) === label,
  )!;
function editor() {
  const actions = { draft: vi.fn(), close: vi.fn(), remove: vi.fn(), step: vi.fn(), knownTags: Promise.resolve([]) };
  const { dialog } = highlightEditor(CONTENT, false, actions);
  document.body.replaceChildren(dialog);
  return { dialog, actions };
}

describe('acting in the toolbar and the editor', () => {
  it('highlights in a colour with one trusted click on it, or with keys 1–5; N adds a note, Escape leaves', () => {
    const actions = toolbarActions();
    const toolbar = selectionToolbar('yellow', { kind: 'new' }, actions);
    document.body.replaceChildren(toolbar);
    const trustedClick = (element: Element) => element.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    trustedClick(toolbar.querySelector('[aria-label="Pink"]')!);
    expect(actions.highlight).toHaveBeenLastCalledWith('pink', false);
    const press = (key: string) =>
      toolbar.querySelector('button')!.dispatchEvent(trusted(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
    press('3');
    expect(actions.highlight).toHaveBeenLastCalledWith('blue', false);
    press('n');
    expect(actions.highlight).toHaveBeenLastCalledWith('yellow', true);
    press('Escape');
    expect(actions.close).toHaveBeenCalledTimes(1);
    press('9');
    expect(actions.highlight).toHaveBeenCalledTimes(3);
  });

  it('asks before deleting: Delete shows a confirmation with the focus on Keep, and only its own button deletes', () => {
    const { dialog, actions } = editor();
    const trustedClick = (element: Element) => element.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    trustedClick(control(dialog, 'Delete'));
    expect(actions.remove).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Keep');
    trustedClick(control(dialog, 'Keep'));
    expect(actions.remove).not.toHaveBeenCalled();
    trustedClick(control(dialog, 'Delete'));
    trustedClick(control(dialog, 'Delete highlight'));
    expect(actions.remove).toHaveBeenCalledTimes(1);
  });
});

describe('the views both surfaces mount (gloss-views.ts: the in-page frame and the PDF viewer)', () => {
  const wiring = () => ({ send: vi.fn(), close: vi.fn(), knownTags: vi.fn(async () => ['apt']) });
  const trustedClick = (element: Element) => element.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));

  it('wires the toolbar to the highlighter’s messages, shown without taking the focus', () => {
    const wired = wiring();
    const view = buildGlossView({ type: 'toolbar', color: 'yellow', offer: { kind: 'overlap', count: 2 } }, wired);
    document.body.replaceChildren(view.element);
    expect(view.focusNow).toBe(false);
    expect(view.focus?.textContent).toBe('Highlight');
    trustedClick(control(view.element, 'Green'));
    trustedClick(control(view.element, 'Add note'));
    trustedClick(control(view.element, 'Merge with 2 highlights'));
    expect(wired.send.mock.calls.map(([message]) => message)).toEqual([
      { type: 'highlight', color: 'green', withNote: false },
      { type: 'highlight', color: 'yellow', withNote: true },
      { type: 'merge', color: 'yellow' },
    ]);
  });

  it('wires the editor (drafts, delete, step, close) and asks for the tags in use once', () => {
    const wired = wiring();
    const view = buildGlossView({ type: 'editor', content: CONTENT, focusNote: true }, wired);
    document.body.replaceChildren(view.element);
    expect(view.focusNow).toBe(true);
    expect(view.focus?.getAttribute('aria-label')).toBe('Note');
    expect(wired.knownTags).toHaveBeenCalledTimes(1);
    trustedClick(control(view.element, 'Blue'));
    trustedClick(control(view.element, 'Delete'));
    trustedClick(control(view.element, 'Delete highlight'));
    view.keys!(trusted(new KeyboardEvent('keydown', { key: 'n', cancelable: true })));
    trustedClick(control(view.element, 'Keep'));
    trustedClick(control(view.element, 'Done'));
    expect(wired.send.mock.calls.map(([message]) => message)).toEqual([
      { type: 'draft', draft: { color: 'blue', note: '', tags: '' } },
      { type: 'delete' },
      { type: 'step', direction: 1 },
    ]);
    expect(wired.close).toHaveBeenCalledTimes(1);
  });

  it('wires the step-through bar and the undo notice', () => {
    const wired = wiring();
    const stepper = buildGlossView({ type: 'stepper', position: { index: 0, total: 2, quote: 'Storm-1152' } }, wired);
    document.body.replaceChildren(stepper.element);
    expect(stepper.element.textContent).toContain('Highlight 1 of 2');
    trustedClick(control(stepper.element, 'Previous'));
    trustedClick(control(stepper.element, 'Edit'));
    const toast = buildGlossView({ type: 'toast', message: 'Highlight deleted.', undo: true }, wired);
    document.body.replaceChildren(toast.element);
    trustedClick(control(toast.element, 'Undo'));
    expect(wired.send.mock.calls.map(([message]) => message)).toEqual([
      { type: 'step', direction: -1 },
      { type: 'edit' },
      { type: 'undo' },
    ]);
    expect(
      buildGlossView({ type: 'toast', message: 'Select some text first.', undo: false }, wired).element.querySelector('button'),
    ).toBeNull();
  });
});
