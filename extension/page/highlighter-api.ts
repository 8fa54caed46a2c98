import type { TabCommand } from '@/lib/messaging/contract';

/** What the on-demand highlighter offers the always-on loader, through the content scripts' shared global. */
export interface HighlighterApi {
  offerToolbar: () => void;
  run: (command: TabCommand) => Promise<unknown>;
  /**
   * Gloss was paused on this site: remove the UI, the painted highlights and every listener, and
   * unpublish (`unpublishHighlighter`), so that a later load injects a fresh highlighter.
   */
  stop: () => void;
}

const KEY = '__glossHighlighter';

export function publishHighlighter(api: HighlighterApi): void {
  (globalThis as Record<string, unknown>)[KEY] = api;
}

export function publishedHighlighter(): HighlighterApi | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as HighlighterApi | undefined;
}

export function unpublishHighlighter(): void {
  delete (globalThis as Record<string, unknown>)[KEY];
}
