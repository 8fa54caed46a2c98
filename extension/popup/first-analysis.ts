import type { AnalyzeTabResult } from '@/lib/messaging/contract';
import type { SitePauseStatus } from '@/components/popup-services';

interface First {
  tabId: number;
  pause: Promise<SitePauseStatus>;
  analysis: Promise<AnalyzeTabResult>;
}

/**
 * Starts on the popup's tab as soon as the popup's script runs, before its view is loaded and rendered:
 * asks whether Gloss is paused on the tab's site and, at the same time, for the page. The two go together
 * (one round trip to the background, not one after the other); the background itself refuses to read a
 * paused site's page (`reason: 'paused'`), so such a page is never read. Each first answer goes to the
 * first request for the same tab; later requests ("Try again", a resume) ask afresh.
 */
export function prefetchFirstAnalysis(
  resolveTabId: () => Promise<number | null>,
  analyze: (tabId: number) => Promise<AnalyzeTabResult>,
  pauseStatus?: (tabId: number) => Promise<SitePauseStatus>,
): {
  resolveTabId: () => Promise<number | null>;
  analyzeTab: (tabId: number) => Promise<AnalyzeTabResult>;
  sitePauseStatus: (tabId: number) => Promise<SitePauseStatus>;
} {
  const notPaused: SitePauseStatus = { site: null, paused: false };
  const askPause = pauseStatus ?? (async () => notPaused);
  const tabId = resolveTabId();
  const first: Promise<First | null> = tabId.then(
    (id) => {
      if (id === null) return null;
      const answers = { tabId: id, pause: askPause(id), analysis: analyze(id) };
      // Either answer may go untaken (a popup closed at once, a paused site); its failure is the taker's.
      answers.pause.catch(() => undefined);
      answers.analysis.catch(() => undefined);
      return answers;
    },
    () => null,
  );

  let pauseTaken = false;
  let analysisTaken = false;
  return {
    resolveTabId: () => tabId,
    async sitePauseStatus(id) {
      const answers = pauseTaken ? null : await first;
      pauseTaken = true;
      return answers && answers.tabId === id ? answers.pause : askPause(id);
    },
    async analyzeTab(id) {
      const answers = analysisTaken ? null : await first;
      analysisTaken = true;
      return answers && answers.tabId === id ? answers.analysis : analyze(id);
    },
  };
}
