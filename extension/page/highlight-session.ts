import { browser } from 'wxt/browser';
import type { TabCommand } from '@/lib/messaging/contract';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { sendRequest } from '../send-request';
import { PageHighlights } from './page-highlights';
import { caretAt, highlightableRange } from './selection';
import { HighlightEditor } from './ui/highlight-editor';
import { SelectionToolbar } from './ui/selection-toolbar';
import { UiHost } from './ui/ui-host';
import { UndoToast } from './ui/undo-toast';
import { watchPageChanges } from './watch-page-changes';

/**
 * Wires the page's highlights to the user: the selection toolbar, the editor, commands from the
 * background (context menu, shortcut, popup) and re-anchoring when the page changes.
 */
export class HighlightSession {
  private readonly ui = new UiHost();
  private watcher: { sync: () => void } | null = null;
  private readonly highlights = new PageHighlights(() => {
    this.watcher?.sync();
    this.announceStates();
  });
  private readonly toolbar = new SelectionToolbar(this.ui, { highlight: (color, withNote) => void this.highlightSelection(color, withNote) });
  private readonly toast = new UndoToast(this.ui);
  private readonly editor = new HighlightEditor(this.ui, {
    save: (id, changes) => void this.save(id, changes),
    remove: (record) => void this.remove(record),
    closed: () => this.highlights.focus(null),
  });

  async start(signal: AbortSignal): Promise<void> {
    const listen = { signal, passive: true } as const;
    document.addEventListener('mouseup', () => setTimeout(() => this.offerToolbar(), 0), listen);
    document.addEventListener('keyup', (event) => {
      if (event.key === 'Escape') this.toolbar.hide();
      else if (event.shiftKey || event.key === 'Shift') this.offerToolbar();
    }, listen);
    document.addEventListener('selectionchange', () => { if (this.toolbar.isOpen && !this.currentRange()) this.toolbar.hide(); }, listen);
    document.addEventListener('click', (event) => this.openAt(event), listen);
    document.addEventListener('mousedown', (event) => {
      if (this.editor.isOpen && !this.ui.contains(event.composedPath()[0] as Node)) this.editor.close();
    }, listen);
    signal.addEventListener('abort', () => this.ui.remove());
    this.watcher = watchPageChanges(this.highlights, () => void this.highlights.load(), signal);
    await this.highlights.load();
  }

  private currentRange(): Range | null {
    return highlightableRange(window.getSelection(), (node) => this.ui.contains(node));
  }

  /** Shows the toolbar if there is a selection worth highlighting. */
  offerToolbar(): void {
    const range = this.currentRange();
    if (range && !this.editor.isOpen) this.toolbar.show(range.getBoundingClientRect());
  }

  private async highlightSelection(color: HighlightColor, withNote: boolean): Promise<boolean> {
    const range = this.currentRange();
    if (!range) return false;
    const rect = range.getBoundingClientRect();
    const record = await this.highlights.create(range, color);
    if (!record) return false;
    window.getSelection()?.removeAllRanges();
    if (withNote) this.openEditor(record, rect, true);
    return true;
  }

  private openEditor(record: AnnotationRecord, rect: DOMRect, focusNote: boolean): void {
    this.toolbar.hide();
    this.highlights.focus(record.id);
    this.editor.open(record, rect, focusNote);
  }

  private openAt(event: MouseEvent): void {
    if (event.defaultPrevented || this.ui.contains(event.target as Node) || this.currentRange()) return;
    if ((event.target as Element | null)?.closest?.('a, button, input, textarea, select, label, [contenteditable]')) return;
    const caret = caretAt(event.clientX, event.clientY);
    const hit = caret && this.highlights.at(caret.node, caret.offset);
    if (hit?.range) this.openEditor(hit.record, hit.range.getBoundingClientRect(), false);
  }

  private async save(id: string, changes: Parameters<typeof sendRequest<'update-annotation'>>[0]['changes']): Promise<void> {
    const updated = await sendRequest({ type: 'update-annotation', id, changes });
    if (updated) this.highlights.replaceRecord(updated);
  }

  private async remove(record: AnnotationRecord): Promise<void> {
    this.highlights.forget(record.id);
    await sendRequest({ type: 'delete-annotation', id: record.id });
    this.toast.show('Highlight deleted.', () => void sendRequest({ type: 'restore-annotation', record }).then(() => this.highlights.load()));
  }

  private announceStates(): void {
    browser.runtime.sendMessage({ type: 'highlights-placed' }).catch(() => undefined);
  }

  /** Carries out a command from the background (context menu, shortcut, popup, other tabs). */
  async run(command: TabCommand): Promise<unknown> {
    switch (command.type) {
      case 'highlight-selection':
        return { ok: await this.highlightSelection(command.color ?? 'yellow', false) };
      case 'highlight-states':
        return this.highlights.states();
      case 'scroll-to-highlight':
        return { found: this.highlights.scrollTo(command.id) };
      case 'reattach-to-selection':
        return this.reattach(command.id);
      case 'annotations-changed':
        await this.highlights.load();
        return undefined;
    }
  }

  private async reattach(id: string): Promise<{ ok: boolean; message?: string }> {
    const range = this.currentRange();
    if (!range) return { ok: false, message: 'Select the passage in the page first, then choose Re-attach.' };
    if (!(await this.highlights.retarget(id, range))) return { ok: false, message: 'That highlight no longer exists.' };
    window.getSelection()?.removeAllRanges();
    return { ok: true };
  }
}
