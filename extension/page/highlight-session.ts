import { browser } from 'wxt/browser';
import type { GlossBroadcast, TabCommand } from '@/lib/messaging/contract';
import type { Outcome } from '@/lib/messaging/outcome';
import { publishedPageSettings } from './highlighter-api';
import { HighlightFlows } from './highlight-flows';
import { PageHighlights } from './page-highlights';
import { watchHover } from './hover-highlights';
import { watchPageChanges } from './watch-page-changes';

/**
 * Wires the page's highlights to the person and to the background: the toolbar and editor flows
 * (highlight-flows.ts), commands from the background (context menu, shortcuts, popup, other tabs) and
 * re-anchoring when the page changes.
 */
export class HighlightSession {
  private watcher: { sync: () => void } | null = null;
  private readonly highlights = new PageHighlights(() => {
    this.watcher?.sync();
    this.announceStates();
  });
  private readonly flows = new HighlightFlows(this.highlights);

  async start(signal: AbortSignal): Promise<void> {
    this.flows.listen(signal);
    watchHover(this.highlights, signal);
    signal.addEventListener('abort', () => {
      this.flows.dispose();
      this.highlights.clear();
    });
    this.watcher = watchPageChanges(this.highlights, () => void this.highlights.load(), signal);
    this.flows.preload();
    await this.highlights.load();
  }

  /** Shows the toolbar for the selection (the loader calls it for the selection that loaded the highlighter). */
  offerToolbar(): void {
    this.flows.offerToolbar();
  }

  private announceStates(): void {
    const placed: GlossBroadcast<'highlights-placed'> = { type: 'highlights-placed' };
    browser.runtime.sendMessage(placed).catch(() => undefined);
  }

  /** Carries out a command from the background (context menu, shortcut, popup, other tabs). */
  async run(command: TabCommand): Promise<unknown> {
    switch (command.type) {
      case 'highlight-selection': {
        const range = this.flows.currentRange();
        if (!range) {
          const how = command.shortcut ? `, then press ${command.shortcut} again` : ', then choose Highlight';
          this.flows.showToast(`Select some text in the page first${how}.`, null);
          return { ok: false };
        }
        this.flows.hide();
        return { ok: await this.flows.highlightRange(range, command.color ?? publishedPageSettings().defaultColor, false) };
      }
      case 'step-highlights':
        this.flows.step(this.flows.steppingAt(), 1);
        return { ok: this.highlights.inOrder().length > 0 };
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
        if (!command.settings.showToolbar) this.flows.hideToolbar();
        return undefined;
    }
  }

  private async reattach(id: string): Promise<Outcome> {
    const range = this.flows.currentRange();
    if (!range) return { ok: false, message: 'Select the passage in the page first, then choose Re-attach.' };
    if (!(await this.highlights.retarget(id, range))) return { ok: false, message: 'That highlight no longer exists.' };
    window.getSelection()?.removeAllRanges();
    return { ok: true };
  }
}
