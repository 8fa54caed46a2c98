import { browser } from 'wxt/browser';
import type { GlossRequest, GlossResponse } from '@/lib/messaging/contract';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { isSafeLinkUrl } from '@/lib/url/page-access';
import { announceChanges, announceEntityChanges } from './announce-change';
import { invalidateEntityScanner } from './entity-scanner';
import { sendTabCommand } from './tab-commands';
import { noteChangesElsewhere } from '../sync/sync-service';
import { announceSettings } from './settings-handlers';
import { announceSitePause } from './site-pause-handlers';
import { isSiteKey } from '@/lib/url/site';

/** A page opened from the library may take a while to load and place its highlights (late-rendering apps). */
const SCROLL_ATTEMPTS = 40;
const SCROLL_INTERVAL_MS = 250;

async function tabShowing(url: string): Promise<{ id: number; windowId?: number } | null> {
  const tabs = await browser.tabs.query({});
  const tab = tabs.find((candidate) => candidate.id !== undefined && candidate.url && normalizePageUrl(candidate.url) === url);
  return tab ? { id: tab.id!, windowId: tab.windowId } : null;
}

/** Asks the tab to scroll to the highlight until it has placed it, or gives up quietly. */
async function scrollWhenPlaced(tabId: number, id: string): Promise<void> {
  for (let attempt = 0; attempt < SCROLL_ATTEMPTS; attempt++) {
    const { found } = await sendTabCommand(tabId, 'scroll-to-highlight', { id }).catch(() => ({ found: false }));
    if (found) return;
    await new Promise((resolve) => setTimeout(resolve, SCROLL_INTERVAL_MS));
  }
}

export async function openSavedPage({ url, annotationId }: GlossRequest<'open-saved-page'>): Promise<GlossResponse<'open-saved-page'>> {
  // Addresses come from stored (possibly imported) data: only ever open web pages.
  if (!isSafeLinkUrl(url)) return { ok: false, message: 'Gloss only opens web pages (http and https addresses).' };
  const open = await tabShowing(normalizePageUrl(url) ?? url);
  let tabId: number;
  if (open) {
    tabId = open.id;
    await browser.tabs.update(tabId, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
  } else {
    const created = await browser.tabs.create({ url, active: true });
    if (created.id === undefined) return { ok: false, message: 'The browser did not open a tab.' };
    tabId = created.id;
  }
  if (annotationId) void scrollWhenPlaced(tabId, annotationId);
  return { ok: true };
}

export async function libraryChanged({
  pageUrls,
  actorsChanged,
  entitiesChanged = false,
  settingsChanged = false,
  pausedSites = [],
}: GlossRequest<'library-changed'>): Promise<GlossResponse<'library-changed'>> {
  if (actorsChanged) invalidateEntityScanner();
  // The library writes the database itself (imports, tag renames), out of sight of the background's hooks.
  noteChangesElsewhere();
  if (actorsChanged || entitiesChanged) announceEntityChanges(null);
  await Promise.all([
    announceChanges(pageUrls),
    ...(settingsChanged ? [announceSettings()] : []),
    // An imported pause reaches the site's open tabs as a pause from the popup does.
    ...pausedSites.filter((site) => isSiteKey(site)).map((site) => announceSitePause(site, true)),
  ]);
  return { ok: true };
}
