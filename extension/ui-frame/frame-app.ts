import { browser } from 'wxt/browser';
import { UI_FRAME_PORT, type FrameToPage, type PageToFrame } from '@/lib/messaging/ui-frame-protocol';
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
          close: () => send({ type: 'close' }),
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
