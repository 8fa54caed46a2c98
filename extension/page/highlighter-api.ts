import type { TabCommand } from '@/lib/messaging/contract';

/** What the on-demand highlighter offers the always-on loader, through the content scripts' shared global. */
export interface HighlighterApi {
  offerToolbar: () => void;
  run: (command: TabCommand) => Promise<unknown>;
}

const KEY = '__glossHighlighter';

export function publishHighlighter(api: HighlighterApi): void {
  (globalThis as Record<string, unknown>)[KEY] = api;
}

export function publishedHighlighter(): HighlighterApi | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as HighlighterApi | undefined;
}
