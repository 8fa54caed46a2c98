import type { PopupServices, SitePauseStatus } from '@/components/popup-services';
import type { AnalyzeTabResult } from '@/lib/messaging/contract';
import { browser, type Browser } from 'wxt/browser';
import { isBroadcast } from '../broadcasts';
import { openPdfInTab } from '../pdf/open-in-viewer';
import { sendRequest } from '../send-request';
import { entityServicesFor } from './entity-services';
import { exportServicesFor } from './export-services';
import { highlightServicesFor } from './highlight-services';
import { sitePauseServices } from './site-pause-services';

interface ReaderSources {
  resolveTabId: () => Promise<number | null>;
  analyzeTab?: (tabId: number) => Promise<AnalyzeTabResult>;
  sitePauseStatus?: (tabId: number) => Promise<SitePauseStatus>;
  openSidePanel?: () => void;
  watchReadingPosition?: PopupServices['watchReadingPosition'];
  watchPdfReadingPosition?: PopupServices['watchPdfReadingPosition'];
  /** The popup closes once it has opened the library; the side panel stays open. */
  closeOnLibrary: boolean;
}

/** Everything the popup and the side panel ask the background about one tab. */
export function readerServices(sources: ReaderSources): PopupServices {
  const analyzeTab = sources.analyzeTab ?? ((tabId: number) => sendRequest({ type: 'analyze-tab', tabId }));
  return {
    resolveTabId: sources.resolveTabId,
    analyzeTab,
    sitePause: sitePauseServices(sources.sitePauseStatus),
    async scrollToHeading(tabId, item) {
      const { found } = await sendRequest({ type: 'scroll-to-heading', tabId, target: item });
      return found;
    },
    highlightsFor: highlightServicesFor,
    entitiesFor: entityServicesFor,
    exportsFor: (tabId) => exportServicesFor(tabId, { closeOnLibrary: sources.closeOnLibrary }),
    openSidePanel: sources.openSidePanel,
    openPdfInGloss: openPdfInTab,
    watchReadingPosition: sources.watchReadingPosition,
    watchPdfReadingPosition: sources.watchPdfReadingPosition,
    watchPdfReading: watchPdfReadingWith(analyzeTab),
  };
}

/**
 * The background's reports of how far the PDF viewer in `tabId` has read (counts only). A report sent
 * before the listener was added never arrives: the popup's first request leaves before its view has
 * loaded, and the viewer may finish reading meanwhile, which left the popup saying "Reading the PDF"
 * until it was opened again. So the tab is asked once more right after the listener is added.
 */
const watchPdfReadingWith =
  (analyzeTab: (tabId: number) => Promise<AnalyzeTabResult>): NonNullable<PopupServices['watchPdfReading']> =>
  (tabId, onProgress) => {
    let watching = true;
    const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!isBroadcast(message, sender, 'pdf-reading')) return;
      const {
        tabId: about,
        pagesRead,
        pageCount,
        ready,
      } = message as { tabId: unknown; pagesRead: unknown; pageCount: unknown; ready: unknown };
      if (about !== tabId || !Number.isInteger(pagesRead) || !Number.isInteger(pageCount)) return;
      onProgress({ pagesRead: pagesRead as number, pageCount: pageCount as number, ready: ready === true });
    };
    browser.runtime.onMessage.addListener(listener);
    analyzeTab(tabId).then(
      (result) => {
        if (!watching) return;
        if (result.ok) {
          const pageCount = result.analysis.pdf?.pageCount ?? 1;
          onProgress({ pagesRead: pageCount, pageCount, ready: true });
        } else if (result.reason === 'reading-pdf' && result.progress) onProgress({ ...result.progress, ready: false });
      },
      // Unanswered, the broadcasts still come.
      () => undefined,
    );
    return () => {
      watching = false;
      browser.runtime.onMessage.removeListener(listener);
    };
  };
