import { browser, type Browser } from 'wxt/browser';
import type { PdfView } from '@/components/pdf/pdf-view';
import { firstInView, stepIndex } from '@/lib/highlights/step-order';
import type { TabCommand } from '@/lib/messaging/contract';
import type { EditorDraft, FrameToPage, SelectionOffer } from '@/lib/messaging/ui-frame-protocol';
import { DEFAULT_SETTINGS, type GlossSettings } from '@/lib/settings/gloss-settings';
import { draftChanges } from '@/lib/storage/highlight-edits';
import { mergedFields } from '@/lib/storage/merge-annotations';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { documentOffsetOfLayer, layerItems } from '@/lib/pdf-viewer/text-layer-offsets';
import { isFromExtension } from '../background/callers';
import { caretAt, sameRange, selectionEnd } from '../page/selection';
import { sendRequest } from '../send-request';
import { PdfHighlights, type PdfDocumentRef } from './pdf-highlights';
import { PdfUiLayer } from './pdf-ui-layer';
import { layerPointAt, layerSpanOfRange, type LayerPoint } from './text-layer-point';

const TOAST_MS = 8000;

/** A selection in the viewer's text, in document offsets, with the DOM range it was made as. */
interface TextSelection {
  range: Range;
  start: number;
  end: number;
}

type Showing =
  | { view: 'none' }
  | { view: 'toolbar'; selection: TextSelection }
  | { view: 'editor'; record: AnnotationRecord; draft: EditorDraft | null }
  | { view: 'stepper'; id: string }
  | { view: 'toast'; undo: (() => void) | null; timer: ReturnType<typeof setTimeout> };

const boxesOf = (ranges: Range[]) => ranges.flatMap((range) => [...range.getClientRects()]);

/**
 * Highlights in Gloss's PDF viewer, wired to the person as on web pages (extension/page/highlight-session.ts):
 * the toolbar at a selection's end, the editor on a click on a highlight, Delete with Undo, N and P to step,
 * the shortcut and context menu through the background's tab commands. Only trusted input acts.
 */
export class PdfHighlightSession {
  private showing: Showing = { view: 'none' };
  private readonly ui: PdfUiLayer;
  readonly highlights: PdfHighlights;
  private settings: GlossSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly view: PdfView,
    private readonly scroller: HTMLElement,
    document: PdfDocumentRef,
    loadSettings: () => Promise<GlossSettings>,
  ) {
    this.ui = new PdfUiLayer(scroller, (message) => this.onAction(message));
    this.highlights = new PdfHighlights(view, document, () => this.announce());
    void loadSettings().then(
      (settings) => (this.settings = settings),
      () => undefined,
    );
  }

  start(signal: AbortSignal): void {
    const listen = { signal, passive: true } as const;
    const trusted =
      <E extends Event>(handler: (event: E) => void) =>
      (event: E) => {
        if (event.isTrusted) handler(event);
      };
    this.scroller.addEventListener(
      'mouseup',
      trusted((event: MouseEvent) => {
        // A click in the toolbar itself is an answer to it, not a new selection.
        if (!this.ui.contains(event.composedPath()[0] as Node)) setTimeout(() => this.offerToolbar(), 0);
      }),
      listen,
    );
    document.addEventListener(
      'keyup',
      trusted((event: KeyboardEvent) => {
        if (event.shiftKey || event.key === 'Shift') this.offerToolbar();
        else if (this.showing.view === 'toolbar' && (event.key === 'Escape' || !this.currentSelection())) this.hide();
      }),
      listen,
    );
    document.addEventListener(
      'keydown',
      trusted((event: KeyboardEvent) => {
        const plain = !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
        if (event.key === 'Tab' && plain && this.showing.view === 'toolbar' && !this.ui.hasFocus()) {
          event.preventDefault();
          this.ui.focusToolbar();
        } else if (event.key === 'Escape' && this.showing.view === 'editor' && !this.ui.hasFocus()) {
          this.closeEditor();
        }
      }),
      { signal, capture: true },
    );
    this.scroller.addEventListener(
      'click',
      trusted((event: MouseEvent) => this.openAt(event)),
      listen,
    );
    document.addEventListener(
      'mousedown',
      trusted((event: MouseEvent) => {
        if (this.ui.contains(event.composedPath()[0] as Node)) return;
        if (this.showing.view === 'editor') this.closeEditor();
        else if (this.showing.view === 'toolbar' || this.showing.view === 'stepper') this.hide();
      }),
      listen,
    );
    this.scroller.addEventListener(
      'mousemove',
      trusted((event: MouseEvent) => this.hoverAt(event.clientX, event.clientY)),
      listen,
    );
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => this.onMessage(message, sender);
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => {
      browser.runtime.onMessage.removeListener(onMessage);
      this.closeEditor();
      this.ui.remove();
      this.highlights.clear();
    });
    void this.highlights.load().catch((error: unknown) => console.warn('Gloss could not load the PDF’s highlights:', error));
  }

  /** Where a DOM point is in the document text, or null outside the text (or before it is read). */
  private offsetAt(point: LayerPoint | null, side: 'start' | 'end', items: Map<number, ReturnType<typeof layerItems>>): number | null {
    const text = this.highlights.documentText;
    const page = point && text?.pages[point.pageIndex];
    const pageItems = point && items.get(point.pageIndex);
    return page && pageItems ? documentOffsetOfLayer(page, pageItems, point.offset, side) : null;
  }

  /** The person's selection in the text layers, if it holds any text. */
  private currentSelection(): Range | null {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!range.toString().trim() || this.ui.contains(range.commonAncestorContainer)) return null;
    if (!this.scroller.contains(range.commonAncestorContainer)) return null;
    return layerSpanOfRange(this.scroller, range) ? range : null;
  }

  /** The selection's document offsets: the whole text must be read, and each end page's items known. */
  private async describe(range: Range): Promise<TextSelection | null> {
    const span = layerSpanOfRange(this.scroller, range);
    if (!span) return null;
    const text = await this.view.documentText();
    if (!this.highlights.documentText) this.highlights.setText(text);
    const items = new Map<number, ReturnType<typeof layerItems>>();
    for (const index of new Set([span.start.pageIndex, span.end.pageIndex])) items.set(index, layerItems(await this.view.pageItems(index)));
    const start = this.offsetAt(span.start, 'start', items);
    const end = this.offsetAt(span.end, 'end', items);
    return start !== null && end !== null && end > start ? { range: range.cloneRange(), start, end } : null;
  }

  offerToolbar(): void {
    if (!this.settings.showToolbar || this.showing.view === 'editor') return;
    const range = this.currentSelection();
    if (!range) return;
    const backward = selectionEnd(getSelection(), range).backward;
    void this.describe(range).then((selection) => {
      // Offered only for the selection still there once its offsets are known (the text may have been read meanwhile).
      const now = this.currentSelection();
      if (!selection || this.showing.view === 'editor' || !now || !sameRange(now, range)) return;
      if (this.showing.view === 'toolbar' && this.showing.selection.start === selection.start && this.showing.selection.end === selection.end) return;
      this.hide();
      const { inside, overlapping } = this.highlights.touching(selection.start, selection.end);
      const offer: SelectionOffer = inside ? { kind: 'inside' } : overlapping.length > 0 ? { kind: 'overlap', count: overlapping.length } : { kind: 'new' };
      this.showing = { view: 'toolbar', selection };
      const offered = selection.range;
      this.ui.showToolbar(this.settings.defaultColor, offer, () => selectionEnd(null, offered, backward));
    });
  }

  private hide(passage: Range | null = null): void {
    if (this.showing.view === 'toast') clearTimeout(this.showing.timer);
    this.showing = { view: 'none' };
    this.ui.hide(passage);
  }

  private showToast(message: string, undo: (() => void) | null): void {
    this.hide();
    this.showing = { view: 'toast', undo, timer: setTimeout(() => this.hide(), TOAST_MS) };
    this.ui.showToast(message, undo !== null);
  }

  private onAction(message: FrameToPage): void {
    const showing = this.showing;
    if (showing.view === 'toolbar') {
      if (message.type === 'close') return this.hide();
      const { start, end } = showing.selection;
      if (message.type === 'edit') {
        const inside = this.highlights.touching(start, end).inside;
        if (!inside) return;
        getSelection()?.removeAllRanges();
        return this.openEditor(inside.record, false);
      }
      this.hide();
      if (message.type === 'highlight') void this.highlightSelection(showing.selection, message.color, message.withNote);
      else if (message.type === 'merge') void this.merge(showing.selection, message.color);
    } else if (showing.view === 'editor') {
      if (message.type === 'draft') {
        showing.draft = message.draft;
        this.highlights.preview({ id: showing.record.id, color: message.draft.color });
      } else if (message.type === 'close') this.closeEditor();
      else if (message.type === 'step') {
        this.closeEditor();
        this.step(showing.record.id, message.direction);
      } else if (message.type === 'delete') {
        this.hide();
        this.highlights.focus(null);
        this.highlights.preview(null);
        void this.remove(showing.record);
      }
    } else if (showing.view === 'stepper') {
      const item = this.highlights.get(showing.id);
      if (message.type === 'step') this.step(showing.id, message.direction);
      else if (message.type === 'edit' && item) this.openEditor(item.record, false);
      else if (message.type === 'close') {
        this.highlights.focus(null);
        this.hide(this.highlights.rangesOf(showing.id)[0] ?? null);
      }
    } else if (showing.view === 'toast') {
      if (message.type === 'undo' && showing.undo) {
        this.hide();
        showing.undo();
      } else if (message.type === 'close') this.hide();
    }
  }

  private async highlightSelection(selection: TextSelection, color: HighlightColor, withNote: boolean): Promise<void> {
    try {
      const record = await this.highlights.create(selection.start, selection.end, color);
      getSelection()?.removeAllRanges();
      if (withNote) this.openEditor(record, true);
    } catch (error) {
      this.showToast(`The highlight could not be kept: ${error instanceof Error ? error.message : String(error)}`, null);
    }
  }

  /** One highlight over the selection and those it overlaps, keeping every note and tag; Undo takes it back. */
  private async merge(selection: TextSelection, color: HighlightColor): Promise<void> {
    const parts = this.highlights.touching(selection.start, selection.end).overlapping;
    const start = Math.min(selection.start, ...parts.map((part) => part.start));
    const end = Math.max(selection.end, ...parts.map((part) => part.end));
    const { note, tags } = mergedFields(
      parts.map((part) => part.record),
      color,
    );
    const merged = await this.highlights.create(start, end, color, { note, tags });
    for (const part of parts) {
      this.highlights.forget(part.record.id);
      await sendRequest({ type: 'delete-annotation', id: part.record.id });
    }
    getSelection()?.removeAllRanges();
    this.showToast(`Merged ${parts.length + 1} passages into one highlight.`, () => {
      void (async () => {
        await sendRequest({ type: 'delete-annotation', id: merged.id });
        for (const part of parts) await sendRequest({ type: 'restore-annotation', record: part.record });
        await this.highlights.load();
      })();
    });
  }

  private openEditor(record: AnnotationRecord, focusNote: boolean): void {
    this.hide();
    this.highlights.focus(record.id);
    this.showing = { view: 'editor', record, draft: null };
    const { color, note, tags } = record;
    this.ui.showEditor({ quote: record.target.quote.exact, color, note, tags }, () => boxesOf(this.highlights.rangesOf(record.id)), focusNote);
  }

  /** Saves what the editor holds and closes it; the focus goes back to the passage. */
  private closeEditor(): void {
    const showing = this.showing;
    if (showing.view !== 'editor') return;
    this.hide(this.highlights.rangesOf(showing.record.id).at(-1) ?? null);
    this.highlights.focus(null);
    const changes = draftChanges(showing.record, showing.draft);
    if (Object.keys(changes).length === 0) return this.highlights.preview(null);
    void sendRequest({ type: 'update-annotation', id: showing.record.id, changes })
      .then((updated) => updated && this.highlights.replaceRecord(updated))
      .finally(() => this.highlights.preview(null));
  }

  private async remove(record: AnnotationRecord): Promise<void> {
    this.highlights.forget(record.id);
    await sendRequest({ type: 'delete-annotation', id: record.id });
    this.showToast('Highlight deleted.', () => void sendRequest({ type: 'restore-annotation', record }).then(() => this.highlights.load()));
  }

  /** Moves to the next or previous highlight (or the first in view), scrolls to it and focuses it. */
  private step(fromId: string | null, direction: 1 | -1): void {
    const list = this.highlights.inOrder();
    if (list.length === 0) {
      this.showToast('No highlights in this PDF yet: select some text, then choose Highlight.', null);
      return;
    }
    const current = fromId ? list.findIndex((item) => item.record.id === fromId) : -1;
    const tops = list.map((item) => this.highlights.rangesOf(item.record.id)[0]?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY);
    const index = current >= 0 || fromId ? stepIndex(list.length, current, direction) : firstInView(tops, window.innerHeight);
    const item = list[index];
    if (this.showing.view !== 'stepper') this.hide();
    this.showing = { view: 'stepper', id: item.record.id };
    void this.reveal(item.record.id).then(() => {
      if (this.showing.view !== 'stepper' || this.showing.id !== item.record.id) return;
      this.highlights.focus(item.record.id);
      this.ui.showStepper({ index, total: list.length, quote: item.record.target.quote.exact }, () => boxesOf(this.highlights.rangesOf(item.record.id)));
    });
  }

  /** Scrolls the highlight's page into view, waits until its text layer is drawn, then centres the passage. */
  async reveal(id: string): Promise<boolean> {
    const index = this.highlights.pageIndexOf(id);
    if (index === null) return false;
    const page = this.scroller.querySelector<HTMLElement>(`.pdf-page[data-page-number="${index + 1}"]`);
    if (!page) return false;
    if (this.highlights.rangesOf(id).length === 0) this.scroller.scrollTop = page.offsetTop - 8;
    for (let frames = 0; this.highlights.rangesOf(id).length === 0; frames++) {
      // The page draws once it comes near the view; its layer then reaches setLayer.
      if (frames > 600) return false;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const box = this.highlights.rangesOf(id)[0].getBoundingClientRect();
    const frame = this.scroller.getBoundingClientRect();
    if (box.top < frame.top + 40 || box.bottom > frame.bottom - 40) this.scroller.scrollTop += box.top - frame.top - this.scroller.clientHeight / 3;
    return true;
  }

  private openAt(event: MouseEvent): void {
    if (event.defaultPrevented || this.ui.contains(event.target as Node) || this.currentSelection()) return;
    const hit = this.highlightAt(event.clientX, event.clientY);
    if (hit) this.openEditor(hit.record, false);
  }

  private hoverAt(x: number, y: number): void {
    const hit = this.highlightAt(x, y);
    const over = hit && boxesOf(this.highlights.rangesOf(hit.record.id)).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    this.highlights.hover(over ? hit.record.id : null);
  }

  /** The highlight under a point of the viewport, found through the caret there. */
  private highlightAt(x: number, y: number) {
    const caret = caretAt(x, y);
    const text = this.highlights.documentText;
    if (!caret || !text) return null;
    const point = layerPointAt(this.scroller, caret.node, caret.offset, 'start');
    const layer = point && this.scroller.querySelector(`.pdf-page[data-page-number="${point.pageIndex + 1}"] .textLayer`);
    if (!point || !layer?.contains(caret.node)) return null;
    const items = this.highlights.layerItemsOf(point.pageIndex);
    const page = text.pages[point.pageIndex];
    if (!items || !page) return null;
    return this.highlights.at(documentOffsetOfLayer(page, items, point.offset, 'start'));
  }

  private announce(): void {
    browser.runtime.sendMessage({ type: 'highlights-placed' }).catch(() => undefined);
  }

  /** Tab commands (shortcut, context menu, popup) and broadcasts, from Gloss itself only. */
  private onMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
    if (!isFromExtension(sender) || typeof message !== 'object' || message === null) return undefined;
    const typed = message as { type?: unknown; gloss?: unknown; pageUrls?: unknown; settings?: GlossSettings };
    if (typed.type === 'annotations-changed' && Array.isArray(typed.pageUrls)) {
      if (typed.pageUrls.some((url) => this.highlights.isFiledUnder(String(url)))) void this.highlights.load();
      return undefined;
    }
    if (typed.type === 'settings-changed' && typed.settings && typed.gloss === undefined) {
      this.settings = typed.settings;
      if (!this.settings.showToolbar && this.showing.view === 'toolbar') this.hide();
      return undefined;
    }
    if (typed.gloss !== 'tab-command') return undefined;
    return this.run(message as TabCommand);
  }

  async run(command: TabCommand): Promise<unknown> {
    switch (command.type) {
      case 'highlight-selection': {
        const range = this.currentSelection();
        const selection = range && (await this.describe(range));
        if (!selection) {
          const how = command.shortcut ? `, then press ${command.shortcut} again` : ', then choose Highlight';
          this.showToast(`Select some text in the PDF first${how}.`, null);
          return { ok: false };
        }
        this.hide();
        await this.highlightSelection(selection, command.color ?? this.settings.defaultColor, false);
        return { ok: true };
      }
      case 'step-highlights':
        this.step(this.showing.view === 'stepper' ? this.showing.id : null, 1);
        return { ok: this.highlights.inOrder().length > 0 };
      case 'highlight-states':
        return this.highlights.states();
      case 'scroll-to-highlight': {
        const found = await this.reveal(command.id);
        if (found) this.highlights.focus(command.id);
        return { found };
      }
      case 'page-annotations-changed':
        await this.highlights.load();
        return undefined;
      case 'settings-changed':
        this.settings = command.settings;
        if (!command.settings.showToolbar && this.showing.view === 'toolbar') this.hide();
        return undefined;
      default:
        return undefined;
    }
  }
}
