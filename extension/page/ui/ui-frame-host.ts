import { browser, type Browser } from 'wxt/browser';
import {
  isFrameToPage,
  UI_FRAME_PADDING,
  UI_FRAME_PATH,
  UI_PAGE_PORT,
  type EditorContent,
  type FrameToPage,
  type PageToFrame,
  type SelectionOffer,
  type StepPosition,
} from '@/lib/messaging/ui-frame-protocol';
import { measuredMapping, placeBeside, placeToolbar, toLayer, type Box, type Point } from '@/lib/placement/in-page-placement';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/storage/records';

/** The attribute that marks Gloss's host element, so anchoring and hit-testing skip it. */
export const UI_HOST_ATTRIBUTE = 'data-gloss-ui';

// A built-in element (a page cannot pre-empt it with a custom element of the same name) whose look is
// pinned inline with !important, which no stylesheet of the page can override.
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: absolute',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'visibility: visible',
  'opacity: 1',
  'transform: none',
  'filter: none',
  'clip-path: none',
  'z-index: 2147483647',
  'pointer-events: auto',
]
  .map((rule) => `${rule} !important;`)
  .join(' ');

// Inside the closed shadow root, where the page's stylesheets do not reach.
const FRAME_CSS = `
iframe { all: initial; position: absolute; display: block; border: 0; margin: 0; padding: 0; width: 0; height: 0;
  background: transparent; color-scheme: normal; visibility: hidden; }
iframe.shown { visibility: visible; }
iframe.fixed { position: fixed; }`;

/**
 * Where a view goes: at a selection's end, beside a passage's lines, or at the bottom of the view. The
 * rectangles are read when the frame is placed (not when it was asked for), since the page may scroll
 * in between.
 */
export type Placement =
  { kind: 'selection-end'; measure: () => { end: Box; backward: boolean } } | { kind: 'beside'; measure: () => Box[] } | { kind: 'bottom' };
type ViewRequest =
  | { type: 'toolbar'; color: HighlightColor; offer: SelectionOffer }
  | { type: 'editor'; content: EditorContent; focusNote: boolean }
  | { type: 'stepper'; position: StepPosition }
  | { type: 'toast'; message: string; undo: boolean };

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

  /** The toolbar at the selection's end; it takes the focus only when `focusToolbar` is called (Tab). */
  showToolbar(color: HighlightColor, offer: SelectionOffer, measure: () => { end: Box; backward: boolean }): void {
    this.present({ type: 'toolbar', color, offer }, { kind: 'selection-end', measure }, false);
  }

  /** The editor beside the passage's lines, never over them; it takes the focus. */
  showEditor(content: EditorContent, passage: () => Box[], focusNote: boolean): void {
    this.present({ type: 'editor', content, focusNote }, { kind: 'beside', measure: passage }, true);
  }

  /** The step-through bar beside the highlight it has reached; it takes the focus (N, P, Escape). */
  showStepper(position: StepPosition, passage: () => Box[]): void {
    this.present({ type: 'stepper', position }, { kind: 'beside', measure: passage }, true);
  }

  showToast(message: string, undo: boolean): void {
    this.present({ type: 'toast', message, undo }, { kind: 'bottom' }, false);
  }

  /** Moves the keyboard focus into the toolbar shown (Tab after a selection). */
  focusToolbar(): void {
    if (!this.shown || !this.frame) return;
    if (document.activeElement !== this.host) this.returnFocusTo = document.activeElement;
    this.shown.focus = true;
    this.focusFrame();
    // Firefox does not move the focus into a frame from within the key's own handler: again right after.
    setTimeout(() => {
      if (this.shown?.focus && document.activeElement !== this.host) this.focusFrame();
    }, 0);
  }

  /** Gives the frame the keyboard focus: its element (Chrome), and its window (Firefox needs that too). */
  private focusFrame(): void {
    this.frame?.focus({ preventScroll: true });
    this.frame?.contentWindow?.focus();
  }

  /** Whether the keyboard focus is in Gloss's frame. */
  hasFocus(): boolean {
    return this.host !== null && document.activeElement === this.host;
  }

  /** Loads the frame ahead of need, hidden, so the first toolbar does not wait for it. */
  preload(): void {
    this.ensureFrame();
  }

  /**
   * Hides whatever is shown. If the frame had the focus, it goes back to the page: to what had it
   * before, or else to `passage`, the highlight just edited (see `focusPassage`).
   */
  hide(passage: Range | null = null): void {
    if (!this.shown) return;
    this.shown = null;
    this.port?.postMessage({ type: 'hide' } satisfies PageToFrame);
    this.frame?.classList.remove('shown');
    if (document.activeElement === this.host) {
      const target = this.returnFocusTo;
      if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus({ preventScroll: true });
      else if (passage) focusPassage(passage, this.frame);
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

  /**
   * CSS `zoom` on the page's root would enlarge the frame's box but (in Chrome) not what is drawn in
   * it, so the box and the panel would part. The host takes the inverse zoom: the frame then sits in
   * plain viewport pixels, and only the layer's origin moves (measured in `place`). Transforms scale
   * the box and its contents alike, so the measured mapping covers them.
   */
  private undoPageZoom(): void {
    const host = this.host;
    if (!host) return;
    const root = document.documentElement as HTMLElement & { currentCSSZoom?: number };
    const zoom = typeof root.currentCSSZoom === 'number' && root.currentCSSZoom > 0 ? root.currentCSSZoom : 1;
    // Only when the page's zoom calls for it, so the host's style is left alone on most pages. (Its
    // pinned `all: initial` reads back as a zoom of "initial", which is no zoom.)
    const wanted = zoom === 1 ? '' : String(1 / zoom);
    const current = host.style.getPropertyValue('zoom');
    if (current === wanted || (wanted === '' && current === 'initial')) return;
    if (wanted === '') host.style.setProperty('zoom', 'initial', 'important');
    else host.style.setProperty('zoom', wanted, 'important');
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
    frame.classList.toggle('fixed', placement.kind === 'bottom');
    this.undoPageZoom();
    // Measure how the page draws Gloss's layer (CSS zoom or a transform on the root scale it): where
    // the frame is drawn now, at a known place in the layer and a known width. (Measured where it is,
    // not after moving it to the origin, so that the frame moves once per placement.)
    const drawn = frame.getBoundingClientRect();
    const scale = width > 0 && drawn.width > 0 ? drawn.width / width : 1;
    const current = { left: parseFloat(frame.style.left) || 0, top: parseFloat(frame.style.top) || 0 };
    const mapping = measuredMapping(
      {
        left: drawn.left - current.left * scale,
        top: drawn.top - current.top * scale,
        right: drawn.left - current.left * scale + drawn.width,
        bottom: drawn.top - current.top * scale + drawn.height,
      },
      width,
    );
    const panel = { width: (width - 2 * UI_FRAME_PADDING) * mapping.scale, height: (height - 2 * UI_FRAME_PADDING) * mapping.scale };
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    let at: Point;
    if (placement.kind === 'bottom') at = { left: (viewport.width - panel.width) / 2, top: viewport.height - panel.height - 16 };
    else if (placement.kind === 'beside') at = placeBeside(placement.measure(), panel, viewport);
    else {
      const { end, backward } = placement.measure();
      at = placeToolbar(end, panel, viewport, backward);
    }
    const padding = UI_FRAME_PADDING * mapping.scale;
    const { left, top } = toLayer({ left: at.left - padding, top: at.top - padding }, mapping);
    frame.style.left = `${left}px`;
    frame.style.top = `${top}px`;
    const appearing = !frame.classList.contains('shown');
    frame.classList.add('shown');
    // Only a frame without the focus is given it. The view took it when drawn (frame-app.ts), and the
    // person (or a test) may have moved on to the note before the frame was placed: focusing the frame
    // again makes Chrome blur that control, and what is typed next went to the view's first control.
    if (focus && appearing && !this.hasFocus()) this.focusFrame();
    if (import.meta.env.MODE === 'bench') performance.mark('gloss:ui-shown');
  }
}

/**
 * Gives the keyboard focus back to a passage after Gloss's frame had it: the caret goes to the end of
 * the passage, and the focus to the nearest element around it that can take it (a link, say) or else
 * to the document, so that Tab and the arrow keys carry on from the passage rather than from the top.
 */
function focusPassage(passage: Range, frame: HTMLIFrameElement | null): void {
  const start = passage.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  const focusable = element?.closest<HTMLElement>('a[href], button, [tabindex]:not([tabindex="-1"])');
  frame?.blur();
  if (focusable) focusable.focus({ preventScroll: true });
  else window.focus();
  const selection = window.getSelection();
  if (selection && passage.endContainer.isConnected) selection.collapse(passage.endContainer, passage.endOffset);
}
