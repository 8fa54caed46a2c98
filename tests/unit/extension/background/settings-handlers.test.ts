import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { glossDatabase } from '@/extension/background/database';
import { handleRequest } from '@/extension/background/handle-request';
import { highlightSelectionIn } from '@/extension/background/highlight-triggers';
import { isGlossRequest } from '@/lib/messaging/request-checks';
import { createAnnotation } from '@/lib/storage/annotation-store';
import { claimWelcome, DEFAULT_SETTINGS, readSettings, saveSettings } from '@/lib/storage/settings-store';
import { isSitePaused, pauseSite } from '@/lib/storage/site-pause-store';
import { contentScript, library, popup, subFrame } from './fixtures';

const PAGE = 'https://news.example/storm-1152';
const target = {
  quote: { type: 'TextQuoteSelector' as const, exact: 'Storm-1152', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: 10 },
};
const settingsPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/settings.html') });

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  const db = glossDatabase();
  await Promise.all([
    db.pausedSites.clear(),
    db.annotations.clear(),
    db.pages.clear(),
    db.tags.clear(),
    db.settings.clear(),
    db.actors.clear(),
    db.entityTags.clear(),
  ]);
});

describe('set-settings', () => {
  it('stores the changes for Gloss’s own pages, and tells every open tab and extension page', async () => {
    const news = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const blog = await fakeBrowser.tabs.create({ url: 'https://blog.example/b' });
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => undefined);
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => undefined);

    const settings = { defaultColor: 'green', showToolbar: false } as const;
    expect(await handleRequest({ type: 'set-settings', changes: { showToolbar: false, defaultColor: 'green' } }, settingsPage())).toEqual(
      settings,
    );
    expect(await readSettings(glossDatabase())).toEqual(settings);
    const command = { type: 'settings-changed', gloss: 'tab-command', settings };
    // Every open tab, whatever its site (the fake browser starts with a tab of its own).
    const tabs = await fakeBrowser.tabs.query({});
    expect(sendMessage.mock.calls).toEqual(tabs.map((tab) => [tab.id, command, { frameId: 0 }]));
    expect(tabs.map((tab) => tab.id)).toEqual(expect.arrayContaining([news.id, blog.id]));
    expect(broadcast).toHaveBeenCalledWith({ type: 'settings-changed', settings });
  });

  it('tells a tab about quick changes in the order they were made, so the latest settings win there', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const heard: string[] = [];
    // The first announcement is slow to reach the tab; the second must not overtake it.
    let delay = 30;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (id, message) => {
      if (id !== tab.id) return;
      const wait = delay;
      delay = 0;
      await new Promise((resolve) => setTimeout(resolve, wait));
      heard.push((message as { settings: { defaultColor: string } }).settings.defaultColor);
    });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => undefined);
    await Promise.all([
      handleRequest({ type: 'set-settings', changes: { defaultColor: 'green' } }, settingsPage()),
      handleRequest({ type: 'set-settings', changes: { defaultColor: 'blue' } }, settingsPage()),
    ]);
    expect(heard.at(-1)).toBe('blue');
    expect(heard).not.toEqual(['blue', 'green']);
  });

  it('is refused to a web page’s content script, in whatever frame, and changes nothing', async () => {
    const request = { type: 'set-settings', changes: { showToolbar: false } } as const;
    await expect(handleRequest(request, contentScript(PAGE))).rejects.toThrow("set-settings is answered only for Gloss's own pages.");
    await expect(handleRequest(request, subFrame())).rejects.toThrow(
      'set-settings: Gloss answers content scripts only in the top frame of a page.',
    );
    expect(await readSettings(glossDatabase())).toEqual(DEFAULT_SETTINGS);
  });

  it('is malformed with an unknown setting or a bad value (the contract checks before any handler)', () => {
    expect(isGlossRequest({ type: 'set-settings', changes: { defaultColor: 'blue' } })).toBe(true);
    expect(isGlossRequest({ type: 'set-settings', changes: { defaultColor: 'orange' } })).toBe(false);
    expect(isGlossRequest({ type: 'set-settings', changes: { showToolbar: 'off' } })).toBe(false);
    expect(isGlossRequest({ type: 'set-settings', changes: { sync: true } })).toBe(false);
    expect(isGlossRequest({ type: 'set-settings' })).toBe(false);
    expect(isGlossRequest({ type: 'erase-everything' })).toBe(true);
  });
});

describe('erase-everything', () => {
  it('is refused to a content script, and erases nothing', async () => {
    await createAnnotation(glossDatabase(), { pageUrl: PAGE, target, color: 'yellow', note: '', tags: [] }, { title: 'T', siteName: null });
    await expect(handleRequest({ type: 'erase-everything' }, contentScript(PAGE))).rejects.toThrow(
      "erase-everything is answered only for Gloss's own pages.",
    );
    expect(await glossDatabase().annotations.count()).toBe(1);
  });

  it('erases everything but the welcome record; tabs repaint, paused sites start again, settings go back', async () => {
    const db = glossDatabase();
    await claimWelcome(db, 1);
    await createAnnotation(db, { pageUrl: PAGE, target, color: 'pink', note: 'n', tags: ['fraud'] }, { title: 'T', siteName: null });
    await pauseSite(db, 'social.example');
    await saveSettings(db, { defaultColor: 'purple', showToolbar: false });
    const article = await fakeBrowser.tabs.create({ url: `${PAGE}#top` });
    const social = await fakeBrowser.tabs.create({ url: 'https://social.example/feed' });
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => undefined);
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => undefined);

    expect(await handleRequest({ type: 'erase-everything' }, library())).toEqual({
      erased: { pages: 1, highlights: 1, tags: 1, verdicts: 0, actors: 0, aliasPicks: 0, pausedSites: 1 },
    });
    expect(await db.annotations.count()).toBe(0);
    expect(await isSitePaused(db, 'social.example')).toBe(false);
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(await claimWelcome(db, 2)).toBe(false);

    const told = sendMessage.mock.calls.map(([tabId, message]) => [tabId, (message as { type: string }).type]);
    expect(told).toEqual(
      expect.arrayContaining([
        [article.id, 'page-annotations-changed'],
        [social.id, 'site-paused-changed'],
        [article.id, 'settings-changed'],
        [social.id, 'settings-changed'],
      ]),
    );
    expect(sendMessage).toHaveBeenCalledWith(
      social.id,
      { type: 'site-paused-changed', gloss: 'tab-command', paused: false },
      { frameId: 0 },
    );
    expect(broadcast).toHaveBeenCalledWith({ type: 'annotations-changed', pageUrls: [PAGE] });
    expect(broadcast).toHaveBeenCalledWith({ type: 'site-pause-changed', site: 'social.example', paused: false });
    expect(broadcast).toHaveBeenCalledWith({ type: 'settings-changed', settings: DEFAULT_SETTINGS });
  });
});

describe('library-changed after an import that restored settings and paused sites', () => {
  it('tells every tab the settings, and the paused sites’ tabs that Gloss is paused there', async () => {
    const db = glossDatabase();
    await saveSettings(db, { defaultColor: 'blue', showToolbar: false });
    await pauseSite(db, 'social.example');
    const article = await fakeBrowser.tabs.create({ url: PAGE });
    const social = await fakeBrowser.tabs.create({ url: 'https://social.example/feed' });
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => undefined);
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => undefined);

    const request = { type: 'library-changed', pageUrls: [], actorsChanged: false, settingsChanged: true, pausedSites: ['social.example'] };
    expect(isGlossRequest(request)).toBe(true);
    expect(await handleRequest(request as never, library())).toEqual({ ok: true });

    const settings = { defaultColor: 'blue', showToolbar: false };
    expect(sendMessage).toHaveBeenCalledWith(article.id, { type: 'settings-changed', gloss: 'tab-command', settings }, { frameId: 0 });
    expect(sendMessage).toHaveBeenCalledWith(
      social.id,
      { type: 'site-paused-changed', gloss: 'tab-command', paused: true },
      { frameId: 0 },
    );
    expect(sendMessage).not.toHaveBeenCalledWith(article.id, expect.objectContaining({ type: 'site-paused-changed' }), expect.anything());
    expect(broadcast).toHaveBeenCalledWith({ type: 'settings-changed', settings });
    expect(broadcast).toHaveBeenCalledWith({ type: 'site-pause-changed', site: 'social.example', paused: true });
  });

  it('is refused with a site list that is not one', () => {
    expect(isGlossRequest({ type: 'library-changed', pageUrls: [], actorsChanged: false, pausedSites: 'social.example' })).toBe(false);
    expect(isGlossRequest({ type: 'library-changed', pageUrls: [], actorsChanged: false, settingsChanged: 'yes' })).toBe(false);
  });
});

describe('the shortcut and the context menu', () => {
  it('highlight in the default colour the settings page chose', async () => {
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ ok: true }));
    await highlightSelectionIn(tab.id);
    await handleRequest({ type: 'set-settings', changes: { defaultColor: 'blue' } }, popup());
    sendMessage.mockClear();
    await highlightSelectionIn(tab.id);
    expect(sendMessage.mock.calls).toEqual([
      [tab.id, { type: 'highlight-selection', gloss: 'tab-command', color: 'blue', shortcut: null }, { frameId: 0 }],
    ]);
  });

  it('reuse the colour used last once there is a highlight, over the default colour', async () => {
    await handleRequest({ type: 'set-settings', changes: { defaultColor: 'blue' } }, popup());
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    await createAnnotation(
      glossDatabase(),
      {
        pageUrl: PAGE,
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 1 },
        },
        color: 'green',
      },
      null,
      Date.now() + 1000,
    ); // made after the default colour was chosen
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ ok: true }));
    await highlightSelectionIn(tab.id);
    expect(sendMessage).toHaveBeenCalledWith(
      tab.id,
      { type: 'highlight-selection', gloss: 'tab-command', color: 'green', shortcut: null },
      { frameId: 0 },
    );
  });

  it('still highlight, in yellow, when a stored colour is not valid', async () => {
    await glossDatabase().settings.put({ key: 'default-color', value: 'chartreuse', updatedAt: 1 });
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ ok: true }));
    await highlightSelectionIn(tab.id);
    expect(sendMessage).toHaveBeenCalledWith(
      tab.id,
      { type: 'highlight-selection', gloss: 'tab-command', color: 'yellow', shortcut: null },
      { frameId: 0 },
    );
  });
});
