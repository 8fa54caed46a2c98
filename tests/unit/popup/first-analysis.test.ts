import { describe, expect, it, vi } from 'vitest';
import { prefetchFirstAnalysis } from '@/extension/popup/first-analysis';
import type { AnalyzeTabResult } from '@/lib/messaging/contract';

const answer = (url: string): AnalyzeTabResult => ({ ok: false, reason: 'failed', url });

describe('prefetchFirstAnalysis', () => {
  it('starts reading the tab at once and gives that answer to the first request for it', async () => {
    const analyze = vi.fn(async (tabId: number) => answer(`first ${tabId}`));
    const services = prefetchFirstAnalysis(async () => 7, analyze);
    await new Promise((resolve) => setTimeout(resolve, 0));
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

  it('asks whether the site is paused and for the page at once, and gives each answer to the first request', async () => {
    const analyze = vi.fn(async (tabId: number) => answer(`first ${tabId}`));
    const status = vi.fn(async () => ({ site: 'news.example', paused: false }));
    const services = prefetchFirstAnalysis(async () => 7, analyze, status);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(status).toHaveBeenCalledTimes(1);
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(await services.sitePauseStatus(7)).toEqual({ site: 'news.example', paused: false });
    expect(await services.analyzeTab(7)).toEqual(answer('first 7'));
    expect([status.mock.calls.length, analyze.mock.calls.length]).toEqual([1, 1]);
    // Later questions (a resume, "Try again") are asked afresh.
    await services.sitePauseStatus(7);
    expect(status).toHaveBeenCalledTimes(2);
  });

  it('does not wait for the pause status to ask for the page: both requests leave together', async () => {
    const order: string[] = [];
    let answerStatus: (status: { site: string; paused: boolean }) => void = () => undefined;
    const services = prefetchFirstAnalysis(
      async () => 7,
      async () => {
        order.push('page asked');
        return answer('x');
      },
      () => {
        order.push('status asked');
        return new Promise((resolve) => (answerStatus = resolve));
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(['status asked', 'page asked']);
    answerStatus({ site: 'news.example', paused: false });
    expect(await services.sitePauseStatus(7)).toEqual({ site: 'news.example', paused: false });
  });

  it('on a paused site, the status says so and the answer for the page is the background refusing it', async () => {
    const refused: AnalyzeTabResult = { ok: false, reason: 'paused', url: 'https://news.example/a' };
    const analyze = vi.fn(async () => refused);
    const services = prefetchFirstAnalysis(
      async () => 7,
      analyze,
      async () => ({ site: 'news.example', paused: true }),
    );
    expect(await services.sitePauseStatus(7)).toEqual({ site: 'news.example', paused: true });
    expect(await services.analyzeTab(7)).toEqual(refused);
    expect(analyze).toHaveBeenCalledTimes(1);
  });

  it('gives the page to the first request even when the pause status could not be had', async () => {
    const analyze = vi.fn(async () => answer('x'));
    const services = prefetchFirstAnalysis(
      async () => 7,
      analyze,
      async () => {
        throw new Error('no background');
      },
    );
    await expect(services.sitePauseStatus(7)).rejects.toThrow('no background');
    expect(await services.analyzeTab(7)).toEqual(answer('x'));
    expect(analyze).toHaveBeenCalledTimes(1);
  });
});
