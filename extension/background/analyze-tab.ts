import { browser } from 'wxt/browser';
import type { AnalyzeTabResult, PageReaderResult } from '@/lib/messaging/contract';
import { recordArticleDetails } from '@/lib/storage/page-store';
import { isSitePaused } from '@/lib/storage/site-pause-store';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { unreadableReasonForError, unreadableReasonForUrl } from '@/lib/url/page-access';
import { siteOfUrl } from '@/lib/url/site';
import { rememberArticleText } from './article-texts';
import { glossDatabase } from './database';
import { entitiesForText } from './entities-for-text';
import { entityScanner } from './entity-scanner';
import { executeFileInTab, TimeoutError, withTimeout } from './execute-in-tab';
import { analyzePdfTab } from './pdf-tab-handlers';
import { isPdfViewerUrl, pdfViewerTab, recallPdfViewer } from './pdf-viewer-tabs';
import { markMoment } from './timeline';

/** Large pages take a few hundred milliseconds; a page that has not answered by now is stuck. */
const READ_TIMEOUT_MS = 20_000;

async function tabUrl(tabId: number): Promise<string | null | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return undefined;
  }
}

/**
 * Reads the article in a tab by injecting the page reader on demand, and finds its entities here in the
 * background, where the dictionaries live. Never throws: failures become reasons.
 */
export async function analyzeTab(tabId: number): Promise<AnalyzeTabResult> {
  // Gloss's own PDF viewer reports its document; the reader cannot be injected into an extension page.
  const viewer = pdfViewerTab(tabId);
  if (viewer) return analyzePdfTab(viewer);
  const url = await tabUrl(tabId);
  if (url === undefined) return { ok: false, reason: 'no-tab', url: null };
  if (isPdfViewerUrl(url)) {
    const back = await recallPdfViewer(tabId);
    return back ? analyzePdfTab(back) : { ok: false, reason: 'reading-pdf', url: null, progress: null };
  }
  const blocked = unreadableReasonForUrl(url);
  if (blocked) return { ok: false, reason: blocked, url };
  // The popup asks whether the site is paused and for the page at once (one round trip, not two), so
  // the page of a paused site is refused here, unread.
  const site = url ? siteOfUrl(url) : null;
  if (site && (await isSitePaused(glossDatabase(), site))) return { ok: false, reason: 'paused', url };
  // The scanner was made when the background started (prepareEntityScanner); a background this request woke
  // is still making it, while the page reader runs in the tab.
  const scanner = entityScanner().then(
    () => true,
    () => false,
  );
  try {
    markMoment('page-reader-start');
    const result = (await withTimeout(executeFileInTab(tabId, '/page-reader.js'), READ_TIMEOUT_MS)) as PageReaderResult | undefined;
    markMoment('page-reader-done');
    if (!result) return { ok: false, reason: 'failed', url, detail: 'The page reader returned nothing.' };
    if (!result.ok) return { ok: false, reason: result.reason, url, detail: result.detail };
    const { textContent, ...extraction } = result.extraction;
    const pageUrl = normalizePageUrl(result.url);
    rememberArticleText(tabId, pageUrl, textContent);
    // A saved page keeps its author and date for export; quietly, since the reply must not wait on it.
    if (pageUrl) void recordArticleDetails(glossDatabase(), pageUrl, extraction.metadata).catch(() => undefined);
    // The entities come with the article. Should the scanner fail to load, the article still goes, and the
    // popup's own request for the entities (`tab-entities`) says what went wrong.
    const entities = (await scanner) ? await entitiesForText(pageUrl, textContent) : null;
    return { ok: true, analysis: { ...extraction, url: result.url, entities } };
  } catch (error) {
    if (error instanceof TimeoutError) return { ok: false, reason: 'timeout', url };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: unreadableReasonForError(message, url), url, detail: message };
  }
}
