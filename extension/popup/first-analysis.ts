import type { AnalyzeTabResult } from '@/lib/messaging/contract';
import type { SitePauseStatus } from '@/components/popup-services';

interface First<T> {
  tabId: number;
  answer: Promise<T>;
}

/**
 * Starts on the popup's tab as soon as the popup's script runs, before Preact renders and runs its
 * effects (a frame or more later): asks whether Gloss is paused on the tab's site and, unless it is,
 * reads the page. Each first answer goes to the first request for the same tab; later requests ("Try
 * again", a resume) ask afresh. On a paused site the page is never read. Without `pauseStatus` it
 * reads the page at once.
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
  const firstPause: Promise<First<SitePauseStatus> | null> = tabId.then(
    (id) => (id === null ? null : { tabId: id, answer: askPause(id) }),
    () => null,
  );
  // A pause status that fails to arrive reads the page when asked, not before.
  const firstAnalysis: Promise<First<AnalyzeTabResult> | null> = firstPause
    .then(async (first) => (first && !(await first.answer).paused ? { tabId: first.tabId, answer: analyze(first.tabId) } : null))
    .catch(() => null);

  let pauseTaken = false;
  let analysisTaken = false;
  return {
    resolveTabId: () => tabId,
    async sitePauseStatus(id) {
      const first = pauseTaken ? null : await firstPause;
      pauseTaken = true;
      return first && first.tabId === id ? first.answer : askPause(id);
    },
    async analyzeTab(id) {
      const first = analysisTaken ? null : await firstAnalysis;
      analysisTaken = true;
      return first && first.tabId === id ? first.answer : analyze(id);
    },
  };
}
