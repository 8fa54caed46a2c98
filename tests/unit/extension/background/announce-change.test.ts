import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announceChange, announceChanges } from '@/extension/background/announce-change';

const NEWS = 'https://news.example/storm-1152';
const BLOG = 'https://blog.example/post';

/** tabs.sendMessage, as sendTabCommand calls it. */
let tabCommands: MockInstance<(tabId: number, command: unknown, options?: { frameId?: number }) => Promise<unknown>>;
let broadcasts: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  broadcasts = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    broadcasts.push(message);
  });
  tabCommands = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never) as unknown as typeof tabCommands;
});
afterEach(() => {
  vi.restoreAllMocks();
});

const commandsSent = () => tabCommands.mock.calls.map(([tabId, command]) => ({ tabId, command }));

describe("announcing that pages' highlights changed", () => {
  it("tells Gloss's pages once, and each tab showing a changed page, under its normalised address", async () => {
    const news = await fakeBrowser.tabs.create({ url: `${NEWS}?utm_source=feed#comments` });
    const again = await fakeBrowser.tabs.create({ url: NEWS });
    await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/' });
    const blog = await fakeBrowser.tabs.create({ url: BLOG });

    await announceChanges([NEWS, BLOG, NEWS]);

    expect(broadcasts).toEqual([{ type: 'annotations-changed', pageUrls: [NEWS, BLOG] }]);
    const command = (pageUrl: string) => ({ type: 'page-annotations-changed', gloss: 'tab-command', pageUrl });
    expect(commandsSent()).toEqual([
      { tabId: news.id, command: command(NEWS) },
      { tabId: again.id, command: command(NEWS) },
      { tabId: blog.id, command: command(BLOG) },
    ]);
    expect(tabCommands.mock.calls.every(([, , options]) => options?.frameId === 0)).toBe(true);
  });

  it('announceChange is the same for one page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: NEWS });
    await announceChange(NEWS);
    expect(broadcasts).toEqual([{ type: 'annotations-changed', pageUrls: [NEWS] }]);
    expect(commandsSent()).toEqual([{ tabId: tab.id, command: { type: 'page-annotations-changed', gloss: 'tab-command', pageUrl: NEWS } }]);
  });

  it('says nothing when no page changed', async () => {
    await fakeBrowser.tabs.create({ url: NEWS });
    await announceChanges([]);
    expect(broadcasts).toEqual([]);
    expect(tabCommands).not.toHaveBeenCalled();
  });

  it('skips tabs Gloss cannot read and finishes when a tab or every view is deaf', async () => {
    await fakeBrowser.tabs.create({ url: 'chrome://extensions' });
    const news = await fakeBrowser.tabs.create({ url: NEWS });
    const silent = await fakeBrowser.tabs.create({ url: NEWS });
    tabCommands.mockImplementation(async (tabId: number) => {
      if (tabId === silent.id) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    });
    fakeBrowser.runtime.onMessage.removeAllListeners(); // no Gloss page open: the broadcast has no listener

    await expect(announceChanges([NEWS])).resolves.toBeUndefined();
    expect(commandsSent().map(({ tabId }) => tabId)).toEqual([news.id, silent.id]);
  });
});
