import 'fake-indexeddb/auto';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings/gloss-settings';
import { glossDatabase } from '@/extension/background/database';
import { handleRequest } from '@/extension/background/handle-request';
import { setSitePaused, tabSitePause } from '@/extension/background/site-pause-handlers';
import { isGlossRequest } from '@/lib/messaging/request-checks';
import { createAnnotation } from '@/lib/storage/annotation-store';
import { isSitePaused, pauseSite } from '@/lib/storage/site-pause-store';

const PAGE = 'https://news.example/storm-1152';
const target = {
  quote: { type: 'TextQuoteSelector' as const, exact: 'Storm-1152', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: 10 },
};

/** A content script's sender: a tab's top frame (or another frame) showing `url`. */
function contentScript(url: string, frameId = 0): Browser.runtime.MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    url,
    frameId,
    tab: { id: 5, url, index: 0, pinned: false, highlighted: false, windowId: 1, active: true, incognito: false },
  } as Browser.runtime.MessageSender;
}

/** site-status as the background answers it: the router admits the sender, then siteStatus answers. */
const siteStatus = (request: unknown, sender: Browser.runtime.MessageSender) => handleRequest(request as never, sender);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  const db = glossDatabase();
  await Promise.all([db.pausedSites.clear(), db.annotations.clear(), db.pages.clear()]);
});

describe('a content script on a paused site', () => {
  it('may neither load the highlighter nor save a highlight, whatever it asks', async () => {
    await pauseSite(glossDatabase(), 'news.example');
    await expect(handleRequest({ type: 'load-highlighter' }, contentScript(PAGE))).rejects.toThrow(
      'load-highlighter: Gloss is paused on news.example.',
    );
    const create = { type: 'create-annotation', target, page: { title: 'T', siteName: null } } as const;
    await expect(handleRequest(create, contentScript(PAGE))).rejects.toThrow('create-annotation: Gloss is paused on news.example.');
    expect(await glossDatabase().annotations.count()).toBe(0);
    // Another site is not paused.
    expect(await handleRequest(create, contentScript('https://blog.example/post'))).toMatchObject({ pageUrl: 'https://blog.example/post' });
  });
});

describe('site-status (content script)', () => {
  it('answers for the sender’s own page: not paused, with or without highlights', async () => {
    await createAnnotation(glossDatabase(), { pageUrl: PAGE, target }, null);
    expect(await siteStatus({ type: 'site-status' }, contentScript(`${PAGE}?utm_source=x#top`))).toEqual({
      paused: false,
      hasAnnotations: true,
      settings: DEFAULT_SETTINGS,
    });
    expect(await siteStatus({ type: 'site-status' }, contentScript('https://news.example/other'))).toEqual({
      paused: false,
      hasAnnotations: false,
      settings: DEFAULT_SETTINGS,
    });
  });

  it('says paused, and nothing about highlights, on a paused site', async () => {
    await createAnnotation(glossDatabase(), { pageUrl: PAGE, target }, null);
    await pauseSite(glossDatabase(), 'news.example');
    expect(await siteStatus({ type: 'site-status' }, contentScript(PAGE))).toEqual({
      paused: true,
      hasAnnotations: false,
      settings: DEFAULT_SETTINGS,
    });
    expect(await siteStatus({ type: 'site-status' }, contentScript('http://news.example/a'))).toMatchObject({ paused: true });
    expect(await siteStatus({ type: 'site-status' }, contentScript('https://blog.example/a'))).toMatchObject({ paused: false });
  });

  it('ignores whatever the request claims, and refuses a sub-frame or a sender without a tab', async () => {
    await pauseSite(glossDatabase(), 'news.example');
    const claim = { type: 'site-status', url: 'https://blog.example/' } as never;
    expect(await siteStatus(claim, contentScript(PAGE))).toEqual({ paused: true, hasAnnotations: false, settings: DEFAULT_SETTINGS });
    await expect(siteStatus({ type: 'site-status' }, contentScript(PAGE, 3))).rejects.toThrow(
      'site-status: Gloss answers content scripts only in the top frame of a page.',
    );
    await expect(siteStatus({ type: 'site-status' }, { id: fakeBrowser.runtime.id, url: PAGE })).rejects.toThrow(
      'site-status: the sender is neither a Gloss page nor a web page in a tab.',
    );
  });
});

describe('tab-site-pause (extension pages)', () => {
  it('gives the tab’s site and whether Gloss is paused there', async () => {
    const news = await fakeBrowser.tabs.create({ url: 'https://News.example:8443/a' });
    const blank = await fakeBrowser.tabs.create({ url: 'chrome://newtab/' });
    expect(await tabSitePause({ type: 'tab-site-pause', tabId: news.id! })).toEqual({ site: 'news.example:8443', paused: false });
    await pauseSite(glossDatabase(), 'news.example:8443');
    expect(await tabSitePause({ type: 'tab-site-pause', tabId: news.id! })).toEqual({ site: 'news.example:8443', paused: true });
    expect(await tabSitePause({ type: 'tab-site-pause', tabId: blank.id! })).toEqual({ site: null, paused: false });
    expect(await tabSitePause({ type: 'tab-site-pause', tabId: 9999 })).toEqual({ site: null, paused: false });
  });
});

describe('set-site-paused (extension pages)', () => {
  it('stores the pause and tells every open tab of that site, and no other', async () => {
    const first = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const second = await fakeBrowser.tabs.create({ url: 'http://news.example/b#x' });
    await fakeBrowser.tabs.create({ url: 'https://blog.example/a' });
    await fakeBrowser.tabs.create({ url: 'https://www.news.example/a' });
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => undefined);
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async () => []);
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => undefined);

    expect(await setSitePaused({ type: 'set-site-paused', site: 'news.example', paused: true })).toEqual({ ok: true });
    expect(await isSitePaused(glossDatabase(), 'news.example')).toBe(true);
    const command = { type: 'site-paused-changed', gloss: 'tab-command', paused: true };
    expect(sendMessage.mock.calls).toEqual([
      [first.id, command, { frameId: 0 }],
      [second.id, command, { frameId: 0 }],
    ]);
    // Entity marks go too: nothing Gloss painted stays on a paused site.
    expect(executeScript.mock.calls.map(([options]) => options.target.tabId)).toEqual([first.id, second.id]);
    expect(broadcast).toHaveBeenCalledWith({ type: 'site-pause-changed', site: 'news.example', paused: true });

    sendMessage.mockClear();
    executeScript.mockClear();
    expect(await setSitePaused({ type: 'set-site-paused', site: 'news.example', paused: false })).toEqual({ ok: true });
    expect(await isSitePaused(glossDatabase(), 'news.example')).toBe(false);
    expect(sendMessage.mock.calls.map(([tabId, message]) => [tabId, message])).toEqual([
      [first.id, { ...command, paused: false }],
      [second.id, { ...command, paused: false }],
    ]);
    expect(executeScript).not.toHaveBeenCalled();
    expect(broadcast).toHaveBeenLastCalledWith({ type: 'site-pause-changed', site: 'news.example', paused: false });
  });

  it('stores the setting even when a tab has no content script to tell', async () => {
    await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access'));
    expect(await setSitePaused({ type: 'set-site-paused', site: 'news.example', paused: true })).toEqual({ ok: true });
    expect(await isSitePaused(glossDatabase(), 'news.example')).toBe(true);
  });

  it('refuses anything that is not a site key, and stores nothing', async () => {
    for (const site of ['News.Example', 'news.example/path', 'https://news.example', '']) {
      expect(await setSitePaused({ type: 'set-site-paused', site, paused: true })).toEqual({
        ok: false,
        message: 'Gloss can only pause web sites.',
      });
    }
    expect(await glossDatabase().pausedSites.count()).toBe(0);
  });
});

describe('the contract’s checks of the pause requests', () => {
  it('accepts well-formed requests and refuses malformed ones', () => {
    expect(isGlossRequest({ type: 'site-status' })).toBe(true);
    expect(isGlossRequest({ type: 'tab-site-pause', tabId: 3 })).toBe(true);
    expect(isGlossRequest({ type: 'tab-site-pause' })).toBe(false);
    expect(isGlossRequest({ type: 'set-site-paused', site: 'news.example', paused: true })).toBe(true);
    expect(isGlossRequest({ type: 'set-site-paused', site: 'news.example', paused: 'yes' })).toBe(false);
    expect(isGlossRequest({ type: 'set-site-paused', site: 'x'.repeat(301), paused: true })).toBe(false);
    expect(isGlossRequest({ type: 'set-site-paused', paused: true })).toBe(false);
  });
});
