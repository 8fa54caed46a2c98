import { firstInView, stepIndex } from '@/lib/highlights/step-order';
import type { FrameToPage, SelectionOffer } from '@/lib/messaging/ui-frame-protocol';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { answerShownUi, type Showing as ShownUi, type ShownUiFlows } from '../highlighting/answer-shown-ui';
import type { HighlightPlaces } from '../highlighting/highlight-places';
import { saveLeftDraft } from '../highlighting/save-draft';
import { sendRequest } from '../send-request';
import { publishedPageSettings } from './highlighter-api';
import type { PageHighlights, PlacedHighlight } from './page-highlights';
import { mergeHighlights } from './merge-highlights';
import { pageHighlightPlaces } from './page-highlight-places';
import { caretAt, highlightableRange, sameRange, selectionEnd } from './selection';
import { UiFrameHost } from './ui/ui-frame-host';

/** What the in-page UI is showing; for the toolbar, the selection it was offered for and the highlights it touches. */
type Showing = ShownUi<{ selection: Range; inside: PlacedHighlight | null; overlapping: PlacedHighlight[] }>;

const rectsOf = (range: Range | null | undefined) => (range ? [...range.getClientRects()] : []);

/**
 * The person's side of the page's highlights: the selection toolbar, the editor, the step-through bar
 * and the undo notice (drawn in Gloss's frame), and the page events that open and close them. Only
 * trusted input acts: a page script's fake events and scripted clicks do nothing. Commands from the
 * background reach these flows through HighlightSession (highlight-session.ts).
 */
export class HighlightFlows implements ShownUiFlows {
  private showing: Showing = { view: 'none' };
  private readonly ui = new UiFrameHost(
    (message) => this.onFrameAction(message),
    () => this.onFrameLost(),
  );

  private readonly places: HighlightPlaces<Range>;

  constructor(private readonly highlights: PageHighlights) {
    this.places = pageHighlightPlaces(highlights);
  }

  /** Listens to the person's selections, keys and clicks in the page until `signal` aborts. */
  listen(signal: AbortSignal): void {
    const listen = { signal, passive: true } as const;
    const trusted =
      <E extends Event>(handler: (event: E) => void) =>
      (event: E) => {
        if (event.isTrusted) handler(event);
      };
    document.addEventListener(
      'mouseup',
      trusted(() => setTimeout(() => this.offerToolbar(), 0)),
      listen,
    );
    // The toolbar goes when the person moves on (a press in the page, Escape, a key that drops the
    // selection), not on any selection change: Chrome may clear the page's selection as focus moves
    // into Gloss's frame, on the very click that presses Highlight.
    document.addEventListener(
      'keyup',
      trusted((event: KeyboardEvent) => {
        if (event.shiftKey || event.key === 'Shift') this.offerToolbar();
        else if (this.showing.view === 'toolbar' && (event.key === 'Escape' || !this.currentRange())) this.hide();
      }),
      listen,
    );
    // Tab with the toolbar showing moves into it (rather than walking into the page and losing it);
    // Escape closes an editor even if the focus found its way back to the page.
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
    document.addEventListener(
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
    // The page reloading, its tab closing or going elsewhere: the editor's note and tags are saved as on
    // Done. Only this page holds them (the frame sends them here as they are typed), and they went with it.
    window.addEventListener('pagehide', () => this.closeEditor(), listen);
  }

  /** Loads the frame ahead of the first selection, so the first toolbar costs no more than later ones. */
  preload(): void {
    this.ui.preload();
  }

  /** Saves an open editor and takes the frame out of the page (the session is ending). */
  dispose(): void {
    this.closeEditor();
    this.ui.remove();
  }

  /** The id of the highlight the step-through bar shows, or null when it is not showing. */
  steppingAt(): string | null {
    return this.showing.view === 'stepper' ? this.showing.id : null;
  }

  /** Takes the toolbar away if it is showing (the person switched it off on the settings page). */
  hideToolbar(): void {
    if (this.showing.view === 'toolbar') this.hide();
  }

  /** The selection Gloss could highlight now, or null. */
  currentRange(): Range | null {
    return highlightableRange(window.getSelection(), (node) => this.ui.contains(node));
  }

  /**
   * Shows the toolbar at the selection's end, with the default colour chosen, if there is a selection
   * worth highlighting and the person has not switched the toolbar off (settings page). A selection
   * inside a highlight is offered for editing; one overlapping highlights, for merging too.
   */
  offerToolbar(): void {
    const { showToolbar, defaultColor } = publishedPageSettings();
    if (!showToolbar) return;
    const range = this.currentRange();
    if (!range || this.showing.view === 'editor') return;
    if (this.showing.view === 'toolbar' && sameRange(range, this.showing.selection)) return;
    this.hide();
    const { inside, overlapping } = this.highlights.touching(range);
    const offer: SelectionOffer = inside
      ? { kind: 'inside' }
      : overlapping.length > 0
        ? { kind: 'overlap', count: overlapping.length }
        : { kind: 'new' };
    this.showing = { view: 'toolbar', selection: range.cloneRange(), inside, overlapping };
    const offered = range.cloneRange();
    const backward = selectionEnd(window.getSelection(), range).backward;
    // Measured when placed: the selection may be gone by then (focus moving into the frame), the range stays.
    this.ui.showToolbar(defaultColor, offer, () => selectionEnd(null, offered, backward));
  }

  /** Shows nothing; an editor's note and tags are saved first, whatever takes its place (a shortcut's toast or step-through bar). */
  hide(passage: Range | null = null): void {
    const leaving = this.showing;
    this.showing = { view: 'none' };
    this.ui.hide(passage);
    saveLeftDraft(leaving, this.highlights);
  }

  showToast(message: string, undo: (() => void) | null): void {
    this.hide();
    this.showing = { view: 'toast', undo };
    this.ui.showToast(message, undo !== null);
  }

  private onFrameAction(message: FrameToPage): void {
    const showing = this.showing;
    if (showing.view === 'toolbar') {
      if (message.type === 'close') return this.hide();
      if (message.type === 'edit' && showing.inside) {
        window.getSelection()?.removeAllRanges();
        return this.openEditor(showing.inside.record, false);
      }
      if (message.type !== 'highlight' && message.type !== 'merge') return;
      // Only the selection the person made when the toolbar appeared: a page that moved it since gets
      // nothing. A selection cleared since (focus moving into the frame can do that) still counts.
      const current = this.currentRange();
      this.hide();
      const offered = showing.selection;
      const range = current ?? (offered.collapsed || !offered.startContainer.isConnected ? null : offered);
      if (!range || !sameRange(range, offered)) return;
      if (message.type === 'highlight') void this.highlightRange(range, message.color, message.withNote);
      else void this.merge(range, showing.overlapping, message.color);
    } else {
      answerShownUi(showing, message, this.places, this);
    }
  }

  /** The frame is gone: keep what was typed, and show nothing until asked again. */
  private onFrameLost(): void {
    if (this.showing.view === 'editor') this.closeEditor();
    else this.hide();
  }

  async highlightRange(range: Range, color: HighlightColor, withNote: boolean): Promise<boolean> {
    const record = await this.highlights.create(range, color);
    if (!record) return false;
    this.dropSelection(range);
    if (withNote) this.openEditor(record, true);
    return true;
  }

  /** One highlight over the selection and the highlights it overlaps, keeping all their notes and tags. */
  private async merge(selection: Range, overlapping: PlacedHighlight[], color: HighlightColor): Promise<void> {
    const done = await mergeHighlights(this.highlights, selection, overlapping, color);
    if (!done) return;
    this.dropSelection(selection);
    this.showToast(`Merged ${done.count} passages into one highlight.`, done.undo);
  }

  /** Clears the selection just highlighted, but not one the person has made since the request went out. */
  private dropSelection(highlighted: Range): void {
    const selection = window.getSelection();
    const now = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    if (!now || now.collapsed || sameRange(now, highlighted)) selection?.removeAllRanges();
  }

  openEditor(record: AnnotationRecord, focusNote: boolean): void {
    this.hide();
    this.highlights.focus(record.id);
    this.showing = { view: 'editor', record, draft: null };
    const { quote, color, note, tags } = { quote: record.target.quote.exact, ...record };
    this.ui.showEditor({ quote, color, note, tags }, () => rectsOf(this.highlights.get(record.id)?.range), focusNote);
  }

  /** Saves what the editor holds (in `hide`) and closes it; the focus goes back to the passage. */
  closeEditor(): void {
    const showing = this.showing;
    if (showing.view !== 'editor') return;
    this.hide(this.highlights.get(showing.record.id)?.range ?? null);
    this.highlights.focus(null);
  }

  /** Moves to the next or previous highlight (or the first in view), scrolls it into view and focuses it. */
  step(fromId: string | null, direction: 1 | -1): void {
    const list = this.highlights.inOrder();
    if (list.length === 0) {
      this.showToast('No highlights on this page yet: select some text, then choose Highlight.', null);
      return;
    }
    const current = fromId ? list.findIndex((item) => item.record.id === fromId) : -1;
    const index =
      current >= 0 || fromId
        ? stepIndex(list.length, current, direction)
        : firstInView(
            list.map((item) => item.range?.getBoundingClientRect().top ?? 0),
            window.innerHeight,
          );
    const item = list[index];
    this.highlights.reveal(item.record.id);
    this.highlights.focus(item.record.id);
    if (this.showing.view !== 'stepper') this.hide();
    this.showing = { view: 'stepper', id: item.record.id };
    this.ui.showStepper({ index, total: list.length, quote: item.record.target.quote.exact }, () => rectsOf(item.range));
  }

  private openAt(event: MouseEvent): void {
    if (event.defaultPrevented || this.ui.contains(event.target as Node) || this.currentRange()) return;
    if ((event.target as Element | null)?.closest?.('a, button, input, textarea, select, label, [contenteditable]')) return;
    const caret = caretAt(event.clientX, event.clientY);
    const hit = caret && this.highlights.at(caret.node, caret.offset);
    if (hit?.range) this.openEditor(hit.record, false);
  }

  async remove(record: AnnotationRecord): Promise<void> {
    this.highlights.forget(record.id);
    await sendRequest({ type: 'delete-annotation', id: record.id });
    const undo = () => void sendRequest({ type: 'restore-annotation', record }).then(() => this.highlights.load());
    this.showToast('Highlight deleted.', undo);
  }
}
