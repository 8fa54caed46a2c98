import { browser, type Browser } from 'wxt/browser';
import {
  isFrameToPage, UI_FRAME_PADDING, UI_FRAME_PATH, UI_PAGE_PORT, type EditorContent, type FrameToPage, type PageToFrame,
} from '@/lib/messaging/ui-frame-protocol';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/storage/records';

/** The attribute that marks Gloss's host element, so anchoring and hit-testing skip it. */
export const UI_HOST_ATTRIBUTE = 'data-gloss-ui';

// A built-in element (a page cannot pre-empt it with a custom element of the same name) whose look is
// pinned inline with !important, which no stylesheet of the page can override.
const HOST_STYLE = [
  'all: initial', 'display: block', 'position: absolute', 'top: 0', 'left: 0', 'width: 0', 'height: 0', 'margin: 0',
  'padding: 0', 'border: 0', 'overflow: visible', 'visibility: visible', 'opacity: 1', 'transform: none', 'filter: none',
  'clip-path: none', 'z-index: 2147483647', 'pointer-events: auto',
].map((rule) => `${rule} !important;`).join(' ');

// Inside the closed shadow root, where the page's stylesheets do not reach.
const FRAME_CSS = `
iframe { all: initial; position: absolute; display: block; border: 0; margin: 0; padding: 0; width: 0; height: 0;
  background: transparent; color-scheme: normal; visibility: hidden; }
iframe.shown { visibility: visible; }
iframe.fixed { position: fixed; }`;

type Placement = { near: DOMRect } | 'bottom';
type ViewRequest =
  | { type: 'toolbar'; color: HighlightColor }
  | { type: 'editor'; content: EditorContent; focusNote: boolean }
  | { type: 'toast'; message: string };

function randomToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The page side of Gloss's in-page UI: a host element with a closed shadow root around an
 * extension-origin frame, where the toolbar, editor and undo notice are drawn. Nothing the person
 * types there enters the page's DOM or reaches its listeners; the two sides talk over a runtime port.
 */
export class UiFrameHost {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private port: Browser.runtime.Port | null = null;
  private seq = 0;
  private shown: { seq: number; placement: Placement; focus: boolean } | null = null;
  private returnFocusTo: Element | null = null;

  constructor(
    private readonly onAction: (message: FrameToPage) => void,
    /** The frame went away (the page removed it, or the extension restarted): whatever it showed is gone. */
    private readonly onLost: () => void,
  ) {}

  showToolbar(color: HighlightColor, near: DOMRect): void {
    this.present({ type: 'toolbar', color }, { near }, false);
  }

  showEditor(content: EditorContent, near: DOMRect, focusNote: boolean): void {
    this.present({ type: 'editor', content, focusNote }, { near }, true);
  }

  showToast(message: string): void {
    this.present({ type: 'toast', message }, 'bottom', false);
  }

  /** Loads the frame ahead of need, hidden, so the first toolbar does not wait for it. */
  preload(): void {
    this.ensureFrame();
  }

  /** Hides whatever is shown, and gives focus back to the page if the frame had it. */
  hide(): void {
    if (!this.shown) return;
    this.shown = null;
    this.port?.postMessage({ type: 'hide' } satisfies PageToFrame);
    this.frame?.classList.remove('shown');
    if (document.activeElement === this.host) {
      const target = this.returnFocusTo;
      if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus({ preventScroll: true });
      else this.frame?.blur();
    }
    this.returnFocusTo = null;
  }

  /** Whether a node is Gloss's UI rather than the page's. */
  contains(node: Node | null): boolean {
    return node !== null && this.host !== null && (node === this.host || this.host.contains(node));
  }

  remove(): void {
    const port = this.port;
    this.port = null;
    port?.disconnect();
    this.host?.remove();
    this.host = null;
    this.frame = null;
    this.shown = null;
  }

  private present(request: ViewRequest, placement: Placement, focus: boolean): void {
    this.ensureFrame();
    const seq = ++this.seq;
    if (focus && document.activeElement !== this.host) this.returnFocusTo = document.activeElement;
    this.shown = { seq, placement, focus };
    this.port!.postMessage({ ...request, seq } satisfies PageToFrame);
  }

  private ensureFrame(): void {
    if (this.port && this.host?.isConnected) return;
    this.remove();
    const token = randomToken();
    const port = browser.runtime.connect({ name: `${UI_PAGE_PORT}${token}` });
    port.onMessage.addListener((message: unknown) => this.receive(message));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.remove();
      this.onLost();
    });
    this.port = port;

    const host = document.createElement('div');
    host.setAttribute(UI_HOST_ATTRIBUTE, '');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = FRAME_CSS;
    const frame = document.createElement('iframe');
    frame.setAttribute('title', 'Gloss');
    frame.src = `${browser.runtime.getURL(UI_FRAME_PATH as '/ui-frame.html')}#${token}`;
    shadow.append(style, frame);
    document.documentElement.append(host);
    this.host = host;
    this.frame = frame;
  }

  private receive(message: unknown): void {
    if (!isFrameToPage(message, HIGHLIGHT_COLORS)) return;
    if (message.type === 'size') this.place(message.seq, message.width, message.height);
    else if (this.shown) this.onAction(message);
  }

  private place(seq: number, width: number, height: number): void {
    const frame = this.frame;
    if (!frame || !this.shown || this.shown.seq !== seq) return;
    const { placement, focus } = this.shown;
    frame.style.width = `${width}px`;
    frame.style.height = `${height}px`;
    if (placement === 'bottom') {
      frame.classList.add('fixed');
      frame.style.left = `${Math.max(0, (window.innerWidth - width) / 2)}px`;
      frame.style.top = `${Math.max(0, window.innerHeight - height - 16 + UI_FRAME_PADDING)}px`;
    } else {
      frame.classList.remove('fixed');
      const { top, left } = placeNear(placement.near, height - 2 * UI_FRAME_PADDING, width - 2 * UI_FRAME_PADDING);
      frame.style.top = `${top - UI_FRAME_PADDING}px`;
      frame.style.left = `${left - UI_FRAME_PADDING}px`;
    }
    const appearing = !frame.classList.contains('shown');
    frame.classList.add('shown');
    if (focus && appearing) frame.focus();
    if (import.meta.env.MODE === 'bench') performance.mark('gloss:ui-shown');
  }
}

/** Page coordinates for a box next to a viewport rectangle: above it when there is room, else below. */
export function placeNear(rect: DOMRect, boxHeight: number, boxWidth: number, gap = 8): { top: number; left: number } {
  const above = rect.top - boxHeight - gap;
  const top = above >= 0 ? above : rect.bottom + gap;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - boxWidth - 8));
  return { top: top + window.scrollY, left: left + window.scrollX };
}
