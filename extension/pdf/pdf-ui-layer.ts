import type { EditorContent, FrameToPage, SelectionOffer, StepPosition } from '@/lib/messaging/ui-frame-protocol';
import { placeBeside, placeToolbar, type Box, type Point } from '@/lib/placement/in-page-placement';
import type { HighlightColor } from '@/lib/storage/records';
import { sendRequest } from '../send-request';
import { trustedOnly } from '../ui-frame/dom';
import { PANEL_STYLES } from '../ui-frame/frame-styles';
import { buildGlossView, type GlossView } from '../ui-frame/gloss-views';

/** Where a view goes, as on web pages (extension/page/ui/ui-frame-host.ts): read when placed. */
type Placement =
  { kind: 'selection-end'; measure: () => { end: Box; backward: boolean } } | { kind: 'beside'; measure: () => Box[] } | { kind: 'bottom' };

const HOST_CSS = `
:host { position: absolute; top: 0; left: 0; z-index: 5; display: block; }
:host([hidden]) { display: none; }
:host(.at-bottom) { position: fixed; }
.surface { width: max-content; }
`;

/**
 * The highlight UI in Gloss's PDF viewer: the same toolbar, editor, step-through bar and notice as on web
 * pages (extension/ui-frame/gloss-views.ts), mounted straight into the viewer's page. The viewer is one of
 * Gloss's own pages, which no web page can read, so no frame is needed; an open shadow root keeps the
 * panels' styles and the viewer's apart. It sits in the scrolling pages, so a panel moves with its passage.
 */
export class PdfUiLayer {
  private readonly host: HTMLElement;
  private readonly surface: HTMLElement;
  private keys: ((event: KeyboardEvent) => void) | null = null;
  private shown: { focus: HTMLElement | null } | null = null;
  private returnFocusTo: Element | null = null;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly onAction: (message: FrameToPage) => void,
  ) {
    this.host = document.createElement('div');
    this.host.className = 'gloss-pdf-ui';
    this.host.hidden = true;
    // Open: this is Gloss's own extension page (pdf.html), where no web page's script runs; the shadow root
    // only keeps the viewer's styles and the panels' apart. The tests reach the panels through it.
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `${PANEL_STYLES}\n${HOST_CSS}`;
    this.surface = document.createElement('div');
    this.surface.className = 'surface';
    shadow.append(style, this.surface);
    shadow.addEventListener(
      'keydown',
      trustedOnly((event) => this.keys?.(event as KeyboardEvent)),
    );
    scroller.append(this.host);
  }

  showToolbar(color: HighlightColor, offer: SelectionOffer, measure: () => { end: Box; backward: boolean }): void {
    this.present({ type: 'toolbar', color, offer }, { kind: 'selection-end', measure });
  }

  showEditor(content: EditorContent, passage: () => Box[], focusNote: boolean): void {
    this.present({ type: 'editor', content, focusNote }, { kind: 'beside', measure: passage });
  }

  showStepper(position: StepPosition, passage: () => Box[]): void {
    this.present({ type: 'stepper', position }, { kind: 'beside', measure: passage });
  }

  showToast(message: string, undo: boolean): void {
    this.present({ type: 'toast', message, undo }, { kind: 'bottom' });
  }

  /** Tab after a selection: the toolbar's first button takes the focus. */
  focusToolbar(): void {
    if (!this.shown?.focus) return;
    if (!this.hasFocus()) this.returnFocusTo = document.activeElement;
    this.shown.focus.focus({ preventScroll: true });
  }

  hasFocus(): boolean {
    return this.host.contains(document.activeElement) || this.host.shadowRoot!.activeElement !== null;
  }

  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.host.contains(node) || this.host.shadowRoot!.contains(node));
  }

  /** Hides what is shown; the focus goes back where it was, or to the passage just edited. */
  hide(passage: Range | null = null): void {
    if (!this.shown) return;
    const hadFocus = this.hasFocus();
    this.shown = null;
    this.keys = null;
    this.surface.replaceChildren();
    this.host.hidden = true;
    if (!hadFocus) return;
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus({ preventScroll: true });
    else {
      this.scroller.focus({ preventScroll: true });
      if (passage) getSelection()?.collapse(passage.endContainer, passage.endOffset);
    }
  }

  remove(): void {
    this.host.remove();
  }

  private present(view: GlossView, placement: Placement): void {
    const built = buildGlossView(view, {
      send: (message) => this.onAction(message),
      close: () => this.onAction({ type: 'close' }),
      knownTags: () => sendRequest({ type: 'tags-in-use' }).catch(() => [] as string[]),
    });
    if (built.focusNow && !this.hasFocus()) this.returnFocusTo = document.activeElement;
    this.surface.replaceChildren(built.element);
    this.keys = built.keys;
    this.shown = { focus: built.focus };
    this.host.hidden = false;
    this.host.classList.toggle('at-bottom', placement.kind === 'bottom');
    built.attached?.();
    this.place(placement);
    if (built.focusNow) built.focus?.focus({ preventScroll: true });
  }

  /** Places the panel from viewport rectangles, in the scroller's content (where the host is positioned). */
  private place(placement: Placement): void {
    const panelBox = this.surface.getBoundingClientRect();
    const panel = { width: panelBox.width, height: panelBox.height };
    if (placement.kind === 'bottom') {
      this.host.style.left = `${Math.max(8, (window.innerWidth - panel.width) / 2)}px`;
      this.host.style.top = `${window.innerHeight - panel.height - 16}px`;
      return;
    }
    // The scroller's visible part is the "viewport" the panel must stay in.
    const frame = this.scroller.getBoundingClientRect();
    const shift = (box: Box): Box => ({
      left: box.left - frame.left,
      right: box.right - frame.left,
      top: box.top - frame.top,
      bottom: box.bottom - frame.top,
    });
    const viewport = { width: this.scroller.clientWidth, height: this.scroller.clientHeight };
    let at: Point;
    if (placement.kind === 'beside') at = placeBeside(placement.measure().map(shift), panel, viewport);
    else {
      const { end, backward } = placement.measure();
      at = placeToolbar(shift(end), panel, viewport, backward);
    }
    this.host.style.left = `${at.left + this.scroller.scrollLeft}px`;
    this.host.style.top = `${at.top + this.scroller.scrollTop}px`;
  }
}
