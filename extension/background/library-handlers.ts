import { browser } from 'wxt/browser';
import type { GlossRequest, GlossResponse } from '@/lib/messaging/contract';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { isSafeLinkUrl } from '@/lib/url/page-access';
import { announceChanges, announceEntityChanges } from './announce-change';
import { invalidateEntityScanner } from './entity-scanner';
import { sendTabCommand } from './tab-commands';
import { isPdfDocumentKey } from '@/lib/pdf/document-key';
import { viewerSearchFor } from '@/lib/pdf-viewer/viewer-address';
import { glossDatabase } from './database';
import { scrollPdfToHighlight } from './pdf-tab-handlers';
import { pdfViewerTab, pdfViewerTabsShowing } from './pdf-viewer-tabs';
import { PDF_VIEWER_PATH } from './callers';
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
  // A PDF opens in Gloss's viewer: its page carries its document key, or is filed under it (a local file).
  const documentKey = isPdfDocumentKey(url) ? url : (await glossDatabase().pages.get(url))?.documentKey;
  if (documentKey !== undefined) return openSavedPdf(url, documentKey, annotationId);
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

/** Brings a tab forward, in its window. */
async function showTab(tabId: number, windowId: number | undefined): Promise<void> {
  await browser.tabs.update(tabId, { active: true });
  if (windowId !== undefined) await browser.windows.update(windowId, { focused: true }).catch(() => undefined);
}

/** Once the viewer has read the document, scrolls it to the highlight; gives up quietly. */
async function scrollPdfWhenRead(tabId: number, id: string): Promise<void> {
  for (let attempt = 0; attempt < SCROLL_ATTEMPTS * 2; attempt++) {
    const viewer = pdfViewerTab(tabId);
    if (viewer?.analysis && (await scrollPdfToHighlight(viewer, id).catch(() => ({ found: false }))).found) return;
    await new Promise((resolve) => setTimeout(resolve, SCROLL_INTERVAL_MS));
  }
}

export const LOCAL_PDF_AGAIN =
  'That PDF was opened from a file on this computer, which Gloss does not keep: choose the file again in the viewer, and its highlights come back.';

/**
 * A saved PDF opens in Gloss's viewer: the tab already showing it comes forward, else the viewer opens at
 * its address. A local file cannot be opened again by Gloss (it kept no copy): the viewer opens for the
 * reader to pick it, and the answer says so.
 */
async function openSavedPdf(url: string, documentKey: string, annotationId: string | null): Promise<GlossResponse<'open-saved-page'>> {
  const showing = pdfViewerTabsShowing(documentKey)[0];
  let tabId: number;
  if (showing) {
    tabId = showing.tabId;
    const tab = await browser.tabs.get(tabId).catch(() => null);
    await showTab(tabId, tab?.windowId);
  } else {
    const local = !isSafeLinkUrl(url);
    const viewer = browser.runtime.getURL(PDF_VIEWER_PATH) + (local ? '' : viewerSearchFor(url));
    const created = await browser.tabs.create({ url: viewer, active: true });
    if (local) return { ok: true, message: LOCAL_PDF_AGAIN };
    if (created.id === undefined) return { ok: false, message: 'The browser did not open a tab.' };
    tabId = created.id;
  }
  if (annotationId) void scrollPdfWhenRead(tabId, annotationId);
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
