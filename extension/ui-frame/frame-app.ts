import { browser } from 'wxt/browser';
import { UI_FRAME_PORT, type FrameToPage, type PageToFrame } from '@/lib/messaging/ui-frame-protocol';
import { trustedOnly } from './dom';
import { highlightEditor } from './highlight-editor';
import { FRAME_STYLES } from './frame-styles';
import { selectionToolbar } from './selection-toolbar';
import { undoToast } from './undo-toast';

/**
 * Gloss's in-page UI, inside an extension-origin frame: the page around it can neither read what is
 * typed here nor click anything by script. It shows what the highlighter asks for and reports what
 * the person does, over a runtime port the background joins to the highlighter's.
 */
export function startUiFrame(): void {
  const token = location.hash.slice(1);
  if (!/^[0-9a-f]{32}$/.test(token)) return;
  const style = document.createElement('style');
  style.textContent = FRAME_STYLES;
  document.head.append(style);
  const root = document.body;

  const port = browser.runtime.connect({ name: `${UI_FRAME_PORT}${token}` });
  const send = (message: FrameToPage) => port.postMessage(message);
  let seq = -1;
  const reportSize = () => {
    if (seq < 0) return;
    const box = root.getBoundingClientRect();
    send({ type: 'size', seq, width: Math.ceil(box.width), height: Math.ceil(box.height) });
  };
  // A note resized by hand changes the size too.
  new ResizeObserver(reportSize).observe(root);

  // The highlighter focuses the frame once it is placed; Firefox only then lets a control inside take focus.
  let focusOnArrival: HTMLElement | null = null;
  window.addEventListener('focus', () => {
    const nothingFocused = !document.activeElement || document.activeElement === document.body;
    if (focusOnArrival?.isConnected && nothingFocused) focusOnArrival.focus({ preventScroll: true });
  });
  const show = (view: HTMLElement, focus?: HTMLElement) => {
    root.replaceChildren(view);
    reportSize();
    focusOnArrival = focus ?? null;
    focus?.focus({ preventScroll: true });
  };

  const closeWhenKeysReleased = keysReleasedGate();
  port.onMessage.addListener((message: PageToFrame) => {
    switch (message.type) {
      case 'toolbar':
        seq = message.seq;
        show(selectionToolbar(message.color, (color, withNote) => send({ type: 'highlight', color, withNote })));
        break;
      case 'editor': {
        seq = message.seq;
        const { dialog, first } = highlightEditor(message.content, message.focusNote, {
          draft: (draft) => send({ type: 'draft', draft }),
          close: () => closeWhenKeysReleased(() => send({ type: 'close' })),
          remove: () => send({ type: 'delete' }),
        });
        show(dialog, first);
        break;
      }
      case 'toast':
        seq = message.seq;
        show(undoToast(message.message, () => send({ type: 'undo' })));
        break;
      case 'hide':
        seq = -1;
        root.replaceChildren();
        break;
    }
  });
}

/**
 * Runs an action once no key is held down. Closing the editor gives focus back to the page, and a key
 * still down (the Escape that closed it) would otherwise send its key-up to the page.
 */
function keysReleasedGate(): (action: () => void) => void {
  const held = new Set<string>();
  let pending: (() => void) | null = null;
  const flush = () => {
    const action = pending;
    pending = null;
    action?.();
  };
  window.addEventListener('keydown', trustedOnly((event) => held.add((event as KeyboardEvent).code)), true);
  window.addEventListener('keyup', trustedOnly((event) => {
    held.delete((event as KeyboardEvent).code);
    if (held.size === 0) flush();
  }), true);
  window.addEventListener('blur', () => held.clear());
  return (action) => {
    pending = action;
    if (held.size === 0) flush();
    else setTimeout(() => { if (pending === action) flush(); }, 1000);
  };
}
