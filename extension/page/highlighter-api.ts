import type { TabCommand } from '@/lib/messaging/contract';
import { DEFAULT_SETTINGS, type GlossSettings } from '@/lib/settings/gloss-settings';

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

const SETTINGS_KEY = '__glossPageSettings';

/**
 * The settings the loader last heard from the background (site-status, settings-changed), shared with
 * the highlighter through the same global, so the highlighter never acts on settings older than the
 * loader's, even in the moment between its injection and its start.
 */
export function publishPageSettings(settings: GlossSettings): void {
  (globalThis as Record<string, unknown>)[SETTINGS_KEY] = settings;
}

export function publishedPageSettings(): GlossSettings {
  return ((globalThis as Record<string, unknown>)[SETTINGS_KEY] as GlossSettings | undefined) ?? DEFAULT_SETTINGS;
}
