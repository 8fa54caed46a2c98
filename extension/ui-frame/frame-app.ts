import { browser } from 'wxt/browser';
import { UI_FRAME_PORT, type FrameToPage, type PageToFrame } from '@/lib/messaging/ui-frame-protocol';
import { sendRequest } from '../send-request';
import { trustedOnly } from './dom';
import { FRAME_STYLES } from './frame-styles';
import { buildGlossView } from './gloss-views';

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
  // The note growing, or the tag list opening, changes the size too.
  new ResizeObserver(reportSize).observe(root);

  // The highlighter focuses the frame once it is placed (or when Tab moves from the selection into the
  // toolbar); a control inside takes the focus then, Firefox allowing it only at that moment. Chrome
  // blurs the control that had the focus when the page focuses the frame again, so the focus goes back
  // to the control last focused in this view (the note being typed in), and only else to its first.
  let focusOnArrival: HTMLElement | null = null;
  let lastFocused: HTMLElement | null = null;
  root.addEventListener('focusin', (event) => {
    lastFocused = event.target instanceof HTMLElement ? event.target : null;
  });
  window.addEventListener('focus', () => {
    const nothingFocused = !document.activeElement || document.activeElement === document.body;
    const target = lastFocused?.isConnected ? lastFocused : focusOnArrival;
    if (target?.isConnected && nothingFocused) target.focus({ preventScroll: true });
  });
  // Keys pressed anywhere in the frame while a view that handles them is shown (the editor's focus trap).
  let viewKeys: ((event: KeyboardEvent) => void) | null = null;
  window.addEventListener(
    'keydown',
    trustedOnly((event) => viewKeys?.(event as KeyboardEvent)),
  );
  const show = (
    view: HTMLElement,
    focus: HTMLElement | null,
    focusNow: boolean,
    keys: ((event: KeyboardEvent) => void) | null = null,
    attached?: () => void,
  ) => {
    lastFocused = null;
    root.replaceChildren(view);
    attached?.();
    viewKeys = keys;
    reportSize();
    focusOnArrival = focus;
    if (focusNow) focus?.focus({ preventScroll: true });
  };

  // The tags in use, asked for once per editor: the frame is one of Gloss's pages, the page is not.
  const knownTags = () => sendRequest({ type: 'tags-in-use' }).catch(() => [] as string[]);
  const closeWhenKeysReleased = keysReleasedGate();
  const close = () => closeWhenKeysReleased(() => send({ type: 'close' }));
  const wiring = { send, close, knownTags };
  port.onMessage.addListener((message: PageToFrame) => {
    switch (message.type) {
      case 'toolbar':
      case 'editor':
      case 'stepper':
      case 'toast': {
        seq = message.seq;
        const { element, focus, focusNow, keys, attached } = buildGlossView(message, wiring);
        show(element, focus, focusNow, keys, attached);
        break;
      }
      case 'hide':
        seq = -1;
        viewKeys = null;
        focusOnArrival = null;
        lastFocused = null;
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
  window.addEventListener(
    'keydown',
    trustedOnly((event) => held.add((event as KeyboardEvent).code)),
    true,
  );
  window.addEventListener(
    'keyup',
    trustedOnly((event) => {
      held.delete((event as KeyboardEvent).code);
      if (held.size === 0) flush();
    }),
    true,
  );
  window.addEventListener('blur', () => held.clear());
  return (action) => {
    pending = action;
    if (held.size === 0) flush();
    else
      setTimeout(() => {
        if (pending === action) flush();
      }, 1000);
  };
}
