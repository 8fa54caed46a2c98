import { browser } from 'wxt/browser';
import type { AnnotationsChangedEvent, GlossBroadcast } from '@/lib/messaging/contract';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { sendTabCommand } from './tab-commands';

/**
 * Tells every open view of these pages that their highlights changed: tabs showing them repaint, and
 * the popup or library refresh. Views that are not listening are fine to miss.
 */
export async function announceChanges(pageUrls: readonly string[]): Promise<void> {
  const changed = new Set(pageUrls);
  if (changed.size === 0) return;
  const event: AnnotationsChangedEvent = { type: 'annotations-changed', pageUrls: [...changed] };
  browser.runtime.sendMessage(event).catch(() => undefined);
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap((tab) => {
      const pageUrl = tab.url ? normalizePageUrl(tab.url) : null;
      if (tab.id === undefined || !pageUrl || !changed.has(pageUrl)) return [];
      return [sendTabCommand(tab.id, 'page-annotations-changed', { pageUrl }).catch(() => undefined)];
    }),
  );
}

export const announceChange = (pageUrl: string): Promise<void> => announceChanges([pageUrl]);

/**
 * Tells every open view that entity verdicts, the user's actors or alias picks changed, on these pages or
 * (null) on every page: an open popup, side panel or library shows the change made in another one.
 */
export function announceEntityChanges(pageUrls: readonly string[] | null): void {
  const event: GlossBroadcast<'entities-changed'> = { type: 'entities-changed', pageUrls: pageUrls && [...new Set(pageUrls)] };
  browser.runtime.sendMessage(event).catch(() => undefined);
}
