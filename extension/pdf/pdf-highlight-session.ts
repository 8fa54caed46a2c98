import { browser, type Browser } from 'wxt/browser';
import type { PdfView } from '@/components/pdf/pdf-view';
import { firstInView, stepIndex } from '@/lib/highlights/step-order';
import type { TabCommand } from '@/lib/messaging/contract';
import type { FrameToPage, SelectionOffer } from '@/lib/messaging/ui-frame-protocol';
import { DEFAULT_SETTINGS, type GlossSettings } from '@/lib/settings/gloss-settings';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { answerShownUi, type Showing as ShownUi, type ShownUiFlows } from '../highlighting/answer-shown-ui';
import type { HighlightPlaces } from '../highlighting/highlight-places';
import { saveLeftDraft } from '../highlighting/save-draft';
import { sameRange, selectionEnd } from '../page/selection';
import { sendRequest } from '../send-request';
import { PdfHighlights, type PdfDocumentRef } from './pdf-highlights';
import { PdfUiLayer } from './pdf-ui-layer';
import { mergePdfHighlights } from './merge-pdf-highlights';
import { pdfHighlightPlaces, type DocumentSpan } from './pdf-highlight-places';
import { readViewerMessage } from './viewer-messages';
import { watchViewerInput } from './watch-viewer-input';
import {
  currentTextRange,
  describeTextRange,
  highlightAtPoint,
  highlightUnderPointer,
  revealPdfHighlight,
  type TextSelection,
} from './pdf-text-selection';

type Showing = ShownUi<{ selection: TextSelection }>;

const boxesOf = (ranges: Range[]) => ranges.flatMap((range) => [...range.getClientRects()]);

/**
 * Highlights in Gloss's PDF viewer, wired to the person as on web pages (extension/page/highlight-session.ts):
 * the toolbar at a selection's end, the editor on a click on a highlight, Delete with Undo, N and P to step,
 * the shortcut and context menu through the background's tab commands. Only trusted input acts.
 */
export class PdfHighlightSession implements ShownUiFlows {
  private showing: Showing = { view: 'none' };
  private readonly ui: PdfUiLayer;
  readonly highlights: PdfHighlights;
  private readonly places: HighlightPlaces<DocumentSpan>;
  private settings: GlossSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly view: PdfView,
    private readonly scroller: HTMLElement,
    document: PdfDocumentRef,
    loadSettings: () => Promise<GlossSettings>,
  ) {
    this.ui = new PdfUiLayer(scroller, (message) => this.onAction(message));
    this.highlights = new PdfHighlights(view, document, () => this.announce());
    this.places = pdfHighlightPlaces(this.highlights);
    void loadSettings().then(
      (settings) => (this.settings = settings),
      () => undefined,
    );
  }

  start(signal: AbortSignal): void {
    watchViewerInput(
      this.scroller,
      this.ui,
      {
        selectionMade: () => this.offerToolbar(),
        keyReleased: (key) => {
          if (this.showing.view === 'toolbar' && (key === 'Escape' || !currentTextRange(this.scroller, this.ui))) this.hide();
        },
        keyPressed: (key) => {
          // Tab moves from the selection into the toolbar; Escape closes an editor the focus has left.
          if (key === 'Tab' && this.showing.view === 'toolbar') this.ui.focusToolbar();
          else if (key === 'Escape' && this.showing.view === 'editor') this.closeEditor();
          else return false;
          return true;
        },
        click: (event) => this.openAt(event),
        pressedOutside: () => {
          if (this.showing.view === 'editor') this.closeEditor();
          else if (this.showing.view === 'toolbar' || this.showing.view === 'stepper') this.hide();
        },
        pointerAt: (x, y) => this.highlights.hover(highlightUnderPointer(this.scroller, this.highlights, x, y)),
      },
      signal,
    );
    // The viewer reloading, its tab closing or going to another document: the editor's note and tags are saved
    // as on Done. Only this page holds them (the panel sends them here as they are typed), and they went with it.
    window.addEventListener('pagehide', () => this.closeEditor(), { signal, passive: true });
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

  offerToolbar(): void {
    if (!this.settings.showToolbar || this.showing.view === 'editor') return;
    const range = currentTextRange(this.scroller, this.ui);
    if (!range) return;
    const backward = selectionEnd(getSelection(), range).backward;
    void describeTextRange(this.view, this.highlights, this.scroller, range).then((selection) => {
      // Offered only for the selection still there once its offsets are known (the text may have been read meanwhile).
      const now = currentTextRange(this.scroller, this.ui);
      if (!selection || this.showing.view === 'editor' || !now || !sameRange(now, range)) return;
      const shown = this.showing.view === 'toolbar' ? this.showing.selection : null;
      if (shown?.start === selection.start && shown.end === selection.end) return;
      this.hide();
      const { inside, overlapping } = this.highlights.touching(selection.start, selection.end);
      const offer: SelectionOffer = inside
        ? { kind: 'inside' }
        : overlapping.length > 0
          ? { kind: 'overlap', count: overlapping.length }
          : { kind: 'new' };
      this.showing = { view: 'toolbar', selection };
      const offered = selection.range;
      this.ui.showToolbar(this.settings.defaultColor, offer, () => selectionEnd(null, offered, backward));
    });
  }

  /** Shows nothing; an editor's note and tags are saved first, whatever takes its place (a shortcut's notice or step-through bar). */
  hide(passage: Range | null = null): void {
    const leaving = this.showing;
    this.showing = { view: 'none' };
    this.ui.hide(passage);
    saveLeftDraft(leaving, this.highlights);
  }

  private showToast(message: string, undo: (() => void) | null): void {
    this.hide();
    this.showing = { view: 'toast', undo };
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
    } else {
      answerShownUi(showing, message, this.places, this);
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
    try {
      const { count, undo } = await mergePdfHighlights(this.highlights, selection, color);
      getSelection()?.removeAllRanges();
      this.showToast(`Merged ${count} passages into one highlight.`, undo);
    } catch (error) {
      this.showToast(`The highlights could not be merged: ${error instanceof Error ? error.message : String(error)}`, null);
    }
  }

  openEditor(record: AnnotationRecord, focusNote: boolean): void {
    this.hide();
    this.highlights.focus(record.id);
    this.showing = { view: 'editor', record, draft: null };
    const { color, note, tags } = record;
    this.ui.showEditor(
      { quote: record.target.quote.exact, color, note, tags },
      () => boxesOf(this.highlights.rangesOf(record.id)),
      focusNote,
    );
  }

  /** Saves what the editor holds (in `hide`) and closes it; the focus goes back to the passage. */
  closeEditor(): void {
    const showing = this.showing;
    if (showing.view !== 'editor') return;
    this.hide(this.highlights.rangesOf(showing.record.id).at(-1) ?? null);
    this.highlights.focus(null);
  }

  async remove(record: AnnotationRecord): Promise<void> {
    this.highlights.forget(record.id);
    await sendRequest({ type: 'delete-annotation', id: record.id });
    this.showToast('Highlight deleted.', () => void sendRequest({ type: 'restore-annotation', record }).then(() => this.highlights.load()));
  }

  /** Moves to the next or previous highlight (or the first in view), scrolls to it and focuses it. */
  step(fromId: string | null, direction: 1 | -1): void {
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
    void revealPdfHighlight(this.scroller, this.highlights, item.record.id).then(() => {
      if (this.showing.view !== 'stepper' || this.showing.id !== item.record.id) return;
      this.highlights.focus(item.record.id);
      this.ui.showStepper({ index, total: list.length, quote: item.record.target.quote.exact }, () =>
        boxesOf(this.highlights.rangesOf(item.record.id)),
      );
    });
  }

  private openAt(event: MouseEvent): void {
    if (event.defaultPrevented || this.ui.contains(event.target as Node) || currentTextRange(this.scroller, this.ui)) return;
    // A click on a link follows it, as on web pages (highlight-flows.ts), even where the link's words are highlighted.
    if ((event.target as Element | null)?.closest?.('.pdf-links a')) return;
    const hit = highlightAtPoint(this.scroller, this.highlights, event.clientX, event.clientY);
    if (hit) this.openEditor(hit.record, false);
  }

  private announce(): void {
    browser.runtime.sendMessage({ type: 'highlights-placed' }).catch(() => undefined);
  }

  /** Tab commands (shortcut, context menu, popup) and broadcasts, from Gloss itself only. */
  private onMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
    const read = readViewerMessage(message, sender);
    if (read?.kind === 'annotations-changed') {
      if (read.pageUrls.some((url) => this.highlights.isFiledUnder(url))) void this.highlights.load();
    } else if (read?.kind === 'settings') this.applySettings(read.settings);
    else if (read?.kind === 'command') return this.run(read.command);
    return undefined;
  }

  private applySettings(settings: GlossSettings): void {
    this.settings = settings;
    if (!settings.showToolbar && this.showing.view === 'toolbar') this.hide();
  }

  async run(command: TabCommand): Promise<unknown> {
    switch (command.type) {
      case 'highlight-selection': {
        const range = currentTextRange(this.scroller, this.ui);
        const selection = range && (await describeTextRange(this.view, this.highlights, this.scroller, range));
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
        const found = await revealPdfHighlight(this.scroller, this.highlights, command.id);
        if (found) this.highlights.focus(command.id);
        return { found };
      }
      case 'page-annotations-changed':
        await this.highlights.load();
        return undefined;
      case 'settings-changed':
        this.applySettings(command.settings);
        return undefined;
      default:
        return undefined;
    }
  }
}
