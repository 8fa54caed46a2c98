/**
 * analyze-tab refuses the page of a paused site without reading it: the popup asks for the page together
 * with the pause status (one round trip), so the background is where a paused site's page stays unread.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeTab } from '@/extension/background/analyze-tab';
import { glossDatabase } from '@/extension/background/database';
import { pauseSite } from '@/lib/storage/site-pause-store';
import { siteOfUrl } from '@/lib/url/site';
import { servePackagedEntityIndex } from './packaged-entity-index';

const injected = vi.hoisted(() => [] as string[]);
vi.mock('@/extension/background/execute-in-tab', async (original) => ({
  ...(await original<typeof import('@/extension/background/execute-in-tab')>()),
  executeFileInTab: async (_tabId: number, file: string) => {
    injected.push(file);
    return { ok: false, reason: 'failed', detail: 'a test page' };
  },
}));

const PAGE = 'https://news.example/storm-1152';

beforeEach(async () => {
  fakeBrowser.reset();
  servePackagedEntityIndex();
  injected.length = 0;
  await glossDatabase().pausedSites.clear();
});

describe('analyze-tab', () => {
  it('refuses the page of a paused site, unread', async () => {
    await pauseSite(glossDatabase(), siteOfUrl(PAGE)!);
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    expect(await analyzeTab(tab.id!)).toEqual({ ok: false, reason: 'paused', url: PAGE });
    expect(injected).toEqual([]);
  });

  it('reads the page of a site that is not paused', async () => {
    await pauseSite(glossDatabase(), 'other.example');
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    expect(await analyzeTab(tab.id!)).toEqual({ ok: false, reason: 'failed', url: PAGE, detail: 'a test page' });
    expect(injected).toEqual(['/page-reader.js']);
  });
});
