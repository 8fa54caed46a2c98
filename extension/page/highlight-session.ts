import { browser } from 'wxt/browser';
import type { GlossBroadcast, TabCommand } from '@/lib/messaging/contract';
import type { Outcome } from '@/lib/messaging/outcome';
import type { EditorDraft, FrameToPage } from '@/lib/messaging/ui-frame-protocol';
import type { AnnotationChanges } from '@/lib/storage/annotation-store';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { draftChanges } from '@/lib/storage/highlight-edits';
import { sendRequest } from '../send-request';
import { publishedPageSettings } from './highlighter-api';
import { PageHighlights } from './page-highlights';
import { caretAt, highlightableRange, sameRange } from './selection';
import { UiFrameHost } from './ui/ui-frame-host';
import { watchPageChanges } from './watch-page-changes';

const TOAST_MS = 8000;

/** What the in-page UI is showing, and what it needs to act on the person's answer. */
type Showing =
  | { view: 'none' }
  | { view: 'toolbar'; selection: Range }
  | { view: 'editor'; record: AnnotationRecord; draft: EditorDraft | null }
  | { view: 'toast'; undo: () => void; timer: ReturnType<typeof setTimeout> };

/**
 * Wires the page's highlights to the person: the selection toolbar and the editor (drawn in Gloss's
 * frame), commands from the background (context menu, shortcut, popup) and re-anchoring when the page
 * changes. Only trusted input acts: a page script's fake events and scripted clicks do nothing.
 */
export class HighlightSession {
  private showing: Showing = { view: 'none' };
  private readonly ui = new UiFrameHost((message) => this.onFrameAction(message), () => this.onFrameLost());
  private watcher: { sync: () => void } | null = null;
  private readonly highlights = new PageHighlights(() => {
    this.watcher?.sync();
    this.announceStates();
  });

  async start(signal: AbortSignal): Promise<void> {
    const listen = { signal, passive: true } as const;
    const trusted = <E extends Event>(handler: (event: E) => void) => (event: E) => { if (event.isTrusted) handler(event); };
    document.addEventListener('mouseup', trusted(() => setTimeout(() => this.offerToolbar(), 0)), listen);
    // The toolbar goes when the person moves on (a press in the page, Escape, a key that drops the
    // selection), not on any selection change: Chrome may clear the page's selection as focus moves
    // into Gloss's frame, on the very click that presses Highlight.
    document.addEventListener('keyup', trusted((event: KeyboardEvent) => {
      if (event.shiftKey || event.key === 'Shift') this.offerToolbar();
      else if (this.showing.view === 'toolbar' && (event.key === 'Escape' || !this.currentRange())) this.hide();
    }), listen);
    document.addEventListener('click', trusted((event: MouseEvent) => this.openAt(event)), listen);
    document.addEventListener('mousedown', trusted((event: MouseEvent) => {
      if (this.ui.contains(event.composedPath()[0] as Node)) return;
      if (this.showing.view === 'editor') this.closeEditor();
      else if (this.showing.view === 'toolbar') this.hide();
    }), listen);
    signal.addEventListener('abort', () => {
      this.closeEditor();
      this.ui.remove();
      this.highlights.clear();
    });
    this.watcher = watchPageChanges(this.highlights, () => void this.highlights.load(), signal);
    this.ui.preload();
    await this.highlights.load();
  }

  private currentRange(): Range | null {
    return highlightableRange(window.getSelection(), (node) => this.ui.contains(node));
  }

  /**
   * Shows the toolbar, with the default colour chosen, if there is a selection worth highlighting and
   * the person has not switched the toolbar off (settings page).
   */
  offerToolbar(): void {
    const { showToolbar, defaultColor } = publishedPageSettings();
    if (!showToolbar) return;
    const range = this.currentRange();
    if (!range || this.showing.view === 'editor') return;
    if (this.showing.view === 'toolbar' && sameRange(range, this.showing.selection)) return;
    this.hide();
    this.showing = { view: 'toolbar', selection: range.cloneRange() };
    this.ui.showToolbar(defaultColor, range.getBoundingClientRect());
  }

  private hide(): void {
    if (this.showing.view === 'toast') clearTimeout(this.showing.timer);
    this.showing = { view: 'none' };
    this.ui.hide();
  }

  private onFrameAction(message: FrameToPage): void {
    const showing = this.showing;
    if (message.type === 'highlight' && showing.view === 'toolbar') {
      // Only the selection the person made when the toolbar appeared: a page that moved it since gets
      // nothing. A selection cleared since (focus moving into the frame can do that) still counts.
      const current = this.currentRange();
      this.hide();
      const offered = showing.selection;
      const range = current ?? (offered.collapsed || !offered.startContainer.isConnected ? null : offered);
      if (range && sameRange(range, offered)) void this.highlightRange(range, message.color, message.withNote);
    } else if (message.type === 'draft' && showing.view === 'editor') {
      showing.draft = message.draft;
    } else if (message.type === 'close' && showing.view === 'editor') {
      this.closeEditor();
    } else if (message.type === 'delete' && showing.view === 'editor') {
      this.hide();
      this.highlights.focus(null);
      void this.remove(showing.record);
    } else if (message.type === 'undo' && showing.view === 'toast') {
      this.hide();
      showing.undo();
    }
  }

  /** The frame is gone: keep what was typed, and show nothing until asked again. */
  private onFrameLost(): void {
    if (this.showing.view === 'editor') this.closeEditor();
    else this.hide();
  }

  private async highlightRange(range: Range, color: HighlightColor, withNote: boolean): Promise<boolean> {
    const rect = range.getBoundingClientRect();
    const record = await this.highlights.create(range, color);
    if (!record) return false;
    window.getSelection()?.removeAllRanges();
    if (withNote) this.openEditor(record, rect, true);
    return true;
  }

  private openEditor(record: AnnotationRecord, rect: DOMRect, focusNote: boolean): void {
    this.hide();
    this.highlights.focus(record.id);
    this.showing = { view: 'editor', record, draft: null };
    const { quote, color, note, tags } = { quote: record.target.quote.exact, ...record };
    this.ui.showEditor({ quote, color, note, tags }, rect, focusNote);
  }

  /** Saves what the editor holds and closes it. */
  private closeEditor(): void {
    const showing = this.showing;
    if (showing.view !== 'editor') return;
    this.hide();
    this.highlights.focus(null);
    const changes = draftChanges(showing.record, showing.draft);
    if (Object.keys(changes).length > 0) void this.save(showing.record.id, changes);
  }

  private openAt(event: MouseEvent): void {
    if (event.defaultPrevented || this.ui.contains(event.target as Node) || this.currentRange()) return;
    if ((event.target as Element | null)?.closest?.('a, button, input, textarea, select, label, [contenteditable]')) return;
    const caret = caretAt(event.clientX, event.clientY);
    const hit = caret && this.highlights.at(caret.node, caret.offset);
    if (hit?.range) this.openEditor(hit.record, hit.range.getBoundingClientRect(), false);
  }

  private async save(id: string, changes: AnnotationChanges): Promise<void> {
    const updated = await sendRequest({ type: 'update-annotation', id, changes });
    if (updated) this.highlights.replaceRecord(updated);
  }

  private async remove(record: AnnotationRecord): Promise<void> {
    this.highlights.forget(record.id);
    await sendRequest({ type: 'delete-annotation', id: record.id });
    const undo = () => void sendRequest({ type: 'restore-annotation', record }).then(() => this.highlights.load());
    this.hide();
    this.showing = { view: 'toast', undo, timer: setTimeout(() => this.hide(), TOAST_MS) };
    this.ui.showToast('Highlight deleted.');
  }

  private announceStates(): void {
    const placed: GlossBroadcast<'highlights-placed'> = { type: 'highlights-placed' };
    browser.runtime.sendMessage(placed).catch(() => undefined);
  }

  /** Carries out a command from the background (context menu, shortcut, popup, other tabs). */
  async run(command: TabCommand): Promise<unknown> {
    switch (command.type) {
      case 'highlight-selection': {
        const range = this.currentRange();
        if (range) this.hide();
        return { ok: range ? await this.highlightRange(range, command.color ?? publishedPageSettings().defaultColor, false) : false };
      }
      case 'highlight-states':
        return this.highlights.states();
      case 'scroll-to-highlight':
        return { found: this.highlights.scrollTo(command.id) };
      case 'reattach-to-selection':
        return this.reattach(command.id);
      case 'page-annotations-changed':
        await this.highlights.load();
        return undefined;
      case 'settings-changed':
        // The loader has published the new settings; a toolbar switched off goes at once.
        if (!command.settings.showToolbar && this.showing.view === 'toolbar') this.hide();
        return undefined;
    }
  }

  private async reattach(id: string): Promise<Outcome> {
    const range = this.currentRange();
    if (!range) return { ok: false, message: 'Select the passage in the page first, then choose Re-attach.' };
    if (!(await this.highlights.retarget(id, range))) return { ok: false, message: 'That highlight no longer exists.' };
    window.getSelection()?.removeAllRanges();
    return { ok: true };
  }
}
