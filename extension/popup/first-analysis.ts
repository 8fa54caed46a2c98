import type { AnalyzeTabResult } from '@/lib/messaging/contract';

/**
 * Starts reading the popup's tab as soon as the popup's script runs, before Preact renders and runs
 * its effects (a frame or more later), and hands that first answer to the first request for the same
 * tab. Later requests ("Try again") read the page afresh.
 */
export function prefetchFirstAnalysis(
  resolveTabId: () => Promise<number | null>,
  analyze: (tabId: number) => Promise<AnalyzeTabResult>,
): { resolveTabId: () => Promise<number | null>; analyzeTab: (tabId: number) => Promise<AnalyzeTabResult> } {
  const tabId = resolveTabId();
  let early: { tabId: number; result: Promise<AnalyzeTabResult> } | null = null;
  const started = tabId.then((id) => {
    if (id !== null) early = { tabId: id, result: analyze(id) };
  }, () => undefined);
  return {
    resolveTabId: () => tabId,
    async analyzeTab(id) {
      await started;
      const first = early;
      early = null;
      return first && first.tabId === id ? first.result : analyze(id);
    },
  };
}
