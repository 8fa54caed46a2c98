import { useEffect, useRef, useState } from 'preact/hooks';

/** Where the keyboard focus was when a change began: in an entity's panel, in the tagger, among rejections. */
type Origin = { from: 'panel'; panelId: string; index: number } | { from: 'tagger' } | { from: 'rejected' };

const entityButtons = (root: Element) => [...root.querySelectorAll<HTMLElement>('.entity-list > li > button')];
const taggerButton = (root: Element) =>
  [...root.querySelectorAll<HTMLElement>('.entity-toolbar button')].find((b) => b.textContent === 'Tag selected text…');

function originOf(root: Element): Origin | null {
  const active = document.activeElement;
  if (!active || !root.contains(active)) return null;
  if (active.closest('.selection-tagger')) return { from: 'tagger' };
  if (active.closest('.rejected')) return { from: 'rejected' };
  const panel = active.closest<HTMLElement>('.entity-panel');
  if (!panel) return null;
  const button = panel.closest('li')?.querySelector<HTMLElement>(':scope > button');
  return { from: 'panel', panelId: panel.id, index: button ? entityButtons(root).indexOf(button) : 0 };
}

/** Where the focus goes once the button that had it is gone. */
function targetOf(root: Element, origin: Origin): HTMLElement | undefined {
  if (origin.from === 'panel') {
    // Confirmed or withdrawn: the button that took the place of the one pressed ("Undo confirmation").
    const action = document.getElementById(origin.panelId)?.querySelector<HTMLElement>('.actions button');
    if (action) return action;
    // Rejected: the entity now in its place in the list, else the one before it.
    const buttons = entityButtons(root);
    if (buttons.length) return buttons[Math.min(Math.max(origin.index, 0), buttons.length - 1)];
  }
  if (origin.from === 'rejected') {
    const summary = root.querySelector<HTMLElement>('.rejected summary');
    if (summary) return summary;
  }
  return taggerButton(root) ?? entityButtons(root)[0];
}

/**
 * Keeps the keyboard focus in the entity list across a change that removes the focused button: a
 * confirmation replaces "Confirm …" with "Undo confirmation", a rejection removes the entity, a tag closes
 * the tagger's form. Without this the focus falls back to the page's start and a keyboard user starts over.
 * `capture()` is called as the change begins (the button still there); `settle(origin)` once the new list is
 * set: after the next render, if the focus was lost, it goes to the nearest sensible place.
 */
export function useFocusAfterChange(rootOf: () => Element | null) {
  const [pending, setPending] = useState<{ origin: Origin } | null>(null);
  const root = useRef(rootOf);
  root.current = rootOf;
  useEffect(() => {
    if (!pending) return;
    setPending(null);
    const element = root.current();
    const active = document.activeElement;
    if (!element || (active && active !== document.body && active.isConnected)) return;
    targetOf(element, pending.origin)?.focus();
  }, [pending]);
  return {
    capture: (): Origin | null => {
      const element = root.current();
      return element ? originOf(element) : null;
    },
    settle: (origin: Origin | null) => {
      if (origin) setPending({ origin });
    },
  };
}
