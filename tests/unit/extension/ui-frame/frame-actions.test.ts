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
