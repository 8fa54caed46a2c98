import { browser, type Browser } from 'wxt/browser';
import type { GlossRequest, GlossRequestType, GlossResponse } from '@/lib/messaging/contract';
import { analyzeTab } from './analyze-tab';
import { pickAlias } from './alias-pick-handlers';
import * as annotations from './annotation-handlers';
import { admitCaller, RefusedRequest, type Caller, type CallerFor } from './callers';
import * as entities from './entity-handlers';
import { clearEntityMarks, entityMarksShown, focusEntityMark, markEntities } from './entity-mark-handlers';
import { inTabOr } from './execute-in-tab';
import { attackIds, exportPage, placeFacts, profilesFor } from './export-handlers';
import { libraryChanged, openSavedPage } from './library-handlers';
import * as pdfAnnotations from './pdf-annotation-handlers';
import { eraseAll, setSettings } from './settings-handlers';
import { setSitePaused, siteStatus, tabSitePause } from './site-pause-handlers';
import { scrollToHeadingInPage } from '../page/scroll-to-heading';
import { sendTabCommand } from './tab-commands';
import { pdfTabHighlights, scrollPdfToHeading, scrollPdfToHighlight } from './pdf-tab-handlers';
import { callPdfViewer, pdfViewerTab, type PdfViewerTab } from './pdf-viewer-tabs';

const PDF_REATTACH = 'In a PDF, select the passage in the viewer and highlight it again; the old highlight can then be deleted.';
import { forgetSync, setUpSync, startSyncOver, syncNow, syncView, turnSyncOff } from '../sync/sync-service';

/** Each handler is given its admitted caller (callers.ts), never the raw sender. */
type Handlers = {
  [K in GlossRequestType]: (request: GlossRequest<K>, caller: CallerFor<K>) => Promise<GlossResponse<K>>;
};

/** Tab requests about Gloss's PDF viewer go to it (pdf-tab-handlers.ts); the rest to the web page in the tab. */
function viewerOr<T>(tabId: number, forViewer: (viewer: PdfViewerTab) => Promise<T>, forPage: () => Promise<T>): Promise<T> {
  const viewer = pdfViewerTab(tabId);
  return viewer ? forViewer(viewer) : forPage();
}

/**
 * A tab request's handler for web pages, and what answers instead when the tab shows Gloss's PDF viewer
 * (which no script can be injected into): the viewer itself, over its port (pdf-viewer-tabs.ts).
 */
function orViewer<K extends GlossRequestType>(
  forPage: Handlers[K],
  forViewer: (viewer: PdfViewerTab, request: GlossRequest<K>) => Promise<GlossResponse<K>>,
): Handlers[K] {
  const routed = (request: GlossRequest<K> & { tabId: number }, caller: CallerFor<K>) => {
    const viewer = pdfViewerTab(request.tabId);
    return viewer
      ? forViewer(viewer, request)
      : (forPage as (request: GlossRequest<K>, caller: CallerFor<K>) => Promise<GlossResponse<K>>)(request, caller);
  };
  return routed as unknown as Handlers[K];
}

const handlers: Handlers = {
  'analyze-tab': ({ tabId }) => analyzeTab(tabId),
  'scroll-to-heading': ({ tabId, target }) =>
    viewerOr(
      tabId,
      (viewer) => scrollPdfToHeading(viewer, target).catch(() => ({ found: false })),
      () => inTabOr(tabId, scrollToHeadingInPage, [target], { found: false }),
    ),
  'page-annotations': annotations.pageAnnotations,
  'load-highlighter': annotations.loadHighlighter,
  'create-annotation': annotations.createForSender,
  'update-annotation': annotations.update,
  'retarget-annotation': annotations.retarget,
  'delete-annotation': annotations.remove,
  'restore-annotation': annotations.restore,
  'tab-highlights': async ({ tabId }) => {
    const viewer = pdfViewerTab(tabId);
    if (viewer) return pdfTabHighlights(viewer);
    try {
      const highlights = await sendTabCommand(tabId, 'highlight-states', {});
      const tab = await browser.tabs.get(tabId);
      return { ok: true, pageUrl: tab.url ?? '', highlights };
    } catch {
      return { ok: false, reason: 'no-content-script' };
    }
  },
  'scroll-to-highlight': ({ tabId, id }) =>
    viewerOr(
      tabId,
      (viewer) => scrollPdfToHighlight(viewer, id).catch(() => ({ found: false })),
      () => sendTabCommand(tabId, 'scroll-to-highlight', { id }).catch(() => ({ found: false })),
    ),
  'reattach-highlight': ({ tabId, id }) =>
    viewerOr(
      tabId,
      async () => ({ ok: false, message: PDF_REATTACH }),
      () => sendTabCommand(tabId, 'reattach-to-selection', { id }).catch(() => ({ ok: false, message: 'The page is not reachable.' })),
    ),
  'tab-entities': entities.tabEntities,
  'entity-details': entities.entityDetails,
  'tag-entity': entities.tagEntityOnTab,
  'pick-alias': pickAlias, // caller: extension pages (popup, side panel)
  'add-actor': entities.addActor,
  'tag-selection': entities.tagSelectionOnTab,
  'suggest-actors': entities.suggestActorNames,
  'pages-for-actor': entities.pagesForActor,
  'tab-selection': orViewer(entities.tabSelection, (viewer) => callPdfViewer(viewer.tabId, 'selection', {}).catch(() => ({ text: '' }))),
  'mark-entities': orViewer(markEntities, (viewer, { marks, focus }) =>
    callPdfViewer(viewer.tabId, 'mark-entities', { marks, focus }).catch(() => ({ located: marks.map(() => false) })),
  ),
  'focus-entity-mark': orViewer(focusEntityMark, (viewer, { index }) =>
    callPdfViewer(viewer.tabId, 'focus-entity-mark', { index }).catch(() => ({ found: false })),
  ),
  'clear-entity-marks': orViewer(clearEntityMarks, (viewer) =>
    callPdfViewer(viewer.tabId, 'clear-entity-marks', {}).catch(() => ({ ok: false })),
  ),
  'entity-marks-shown': orViewer(entityMarksShown, (viewer) =>
    callPdfViewer(viewer.tabId, 'entity-marks-shown', {}).catch(() => ({ shown: false })),
  ),
  'export-page': exportPage,
  'export-indicators': entities.exportIndicators,
  'actor-profiles': profilesFor,
  'attack-ids': attackIds,
  'place-facts': placeFacts,
  'open-saved-page': openSavedPage,
  'library-changed': libraryChanged,
  'site-status': siteStatus, // caller: content script (its own page)
  'tab-site-pause': tabSitePause, // caller: extension pages (popup)
  'set-site-paused': setSitePaused, // caller: extension pages (popup, settings)
  'set-settings': setSettings, // caller: extension pages (settings)
  'erase-everything': eraseAll, // caller: extension pages (settings)
  // Sync: callers are extension pages only (the library's Sync region); see contract.ts.
  'sync-view': () => syncView(),
  'sync-set-up': ({ setup }) => setUpSync(setup),
  'sync-now': () => syncNow(),
  'sync-off': () => turnSyncOff(),
  'sync-forget': () => forgetSync(),
  'sync-start-over': () => startSyncOver(),
  'tags-in-use': annotations.tagSuggestions,
  // Caller: Gloss's PDF viewer only (callers.ts).
  'pdf-annotations': pdfAnnotations.pdfAnnotations,
  'create-pdf-annotation': pdfAnnotations.createForPdfViewer,
};

/**
 * Routes one request to its handler; the background's single entry point for the message contract.
 * Rejects with a RefusedRequest, before the handler runs, when the sender may not send this request
 * (contract.ts says who may send which), and with the handler's error when the request breaks the rules.
 */
export async function handleRequest(request: GlossRequest, sender: Browser.runtime.MessageSender): Promise<unknown> {
  // Own keys only: a type such as "constructor" or "toString" must not reach Object.prototype.
  if (!Object.hasOwn(handlers, request.type)) throw new RefusedRequest(`${String(request.type)} is not a Gloss request.`);
  const caller = admitCaller(request.type, sender);
  const handler = handlers[request.type] as (request: GlossRequest, caller: Caller) => Promise<unknown>;
  return handler(request, caller);
}
