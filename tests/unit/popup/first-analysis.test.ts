import { describe, expect, it, vi } from 'vitest';
import { prefetchFirstAnalysis } from '@/extension/popup/first-analysis';
import type { AnalyzeTabResult } from '@/lib/messaging/contract';

const answer = (url: string): AnalyzeTabResult => ({ ok: false, reason: 'failed', url });

describe('prefetchFirstAnalysis', () => {
  it('starts reading the tab at once and gives that answer to the first request for it', async () => {
    const analyze = vi.fn(async (tabId: number) => answer(`first ${tabId}`));
    const services = prefetchFirstAnalysis(async () => 7, analyze);
    await Promise.resolve();
    await Promise.resolve();
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(await services.resolveTabId()).toBe(7);
    expect(await services.analyzeTab(7)).toEqual(answer('first 7'));
    expect(analyze).toHaveBeenCalledTimes(1);
  });

  it('reads the page afresh on later requests, and for another tab', async () => {
    const analyze = vi.fn(async (tabId: number) => answer(`tab ${tabId}`));
    const services = prefetchFirstAnalysis(async () => 7, analyze);
    await services.analyzeTab(7);
    await services.analyzeTab(7);
    await services.analyzeTab(8);
    expect(analyze.mock.calls.map(([id]) => id)).toEqual([7, 7, 8]);
  });

  it('prefetches nothing when there is no tab', async () => {
    const analyze = vi.fn(async () => answer('x'));
    const services = prefetchFirstAnalysis(async () => null, analyze);
    expect(await services.resolveTabId()).toBeNull();
    expect(analyze).not.toHaveBeenCalled();
  });
});
