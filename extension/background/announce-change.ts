import { browser } from 'wxt/browser';
import type { AnnotationsChangedEvent } from '@/lib/messaging/contract';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { sendTabCommand } from './tab-commands';

/**
 * Tells every open view of a page that its highlights changed: other tabs showing the same page
 * repaint, and the popup or library refresh. Views that are not listening are fine to miss.
 */
export async function announceChange(pageUrl: string): Promise<void> {
  const event: AnnotationsChangedEvent = { type: 'annotations-changed', pageUrl };
  browser.runtime.sendMessage(event).catch(() => undefined);
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && tab.url && normalizePageUrl(tab.url) === pageUrl)
      .map((tab) => sendTabCommand(tab.id!, 'annotations-changed', { pageUrl }).catch(() => undefined)),
  );
}
