import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followTab } from '@/extension/side-panel/follow-tab';

const tab = (id: number, status = 'complete') => ({ id, status }) as Browser.tabs.Tab;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query) =>
    (query as { windowId?: number }).windowId === 1 ? [tab(10)] : [tab(20)],
  );
});
afterEach(() => vi.restoreAllMocks());

describe('followTab', () => {
  it('shows the tab in front of its own window, then each tab brought to the front there, not in other windows', async () => {
    const shown: (number | null)[] = [];
    const stop = followTab({ follow: 'own-window' }, (id) => shown.push(id));
    await settle();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 11, windowId: 1 });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 21, windowId: 2 });
    expect(shown).toEqual([10, 11]);
    stop();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 12, windowId: 1 });
    expect(shown).toEqual([10, 11]);
  });

  it('follows another window with ?window=', async () => {
    const shown: (number | null)[] = [];
    followTab({ follow: 'window', windowId: 2 }, (id) => shown.push(id));
    await settle();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 21, windowId: 2 });
    expect(shown).toEqual([20, 21]);
  });

  it('reads the shown tab again once it has loaded a new page, or a single-page app moved to a new address', async () => {
    const shown: (number | null)[] = [];
    followTab({ follow: 'own-window' }, (id) => shown.push(id));
    await settle();
    await fakeBrowser.tabs.onUpdated.trigger(10, { status: 'loading', url: 'https://news.example/b' }, tab(10, 'loading'));
    expect(shown).toEqual([10]);
    await fakeBrowser.tabs.onUpdated.trigger(10, { status: 'complete' }, tab(10));
    await fakeBrowser.tabs.onUpdated.trigger(10, { url: 'https://news.example/b#2' }, tab(10));
    // Another tab's loads are none of its business.
    await fakeBrowser.tabs.onUpdated.trigger(11, { status: 'complete' }, tab(11));
    expect(shown).toEqual([10, 10, 10]);
  });

  it('stays on one tab with ?tab=, and says there is none once it closes', async () => {
    const shown: (number | null)[] = [];
    followTab({ follow: 'tab', tabId: 7 }, (id) => shown.push(id));
    await settle();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 11, windowId: 1 });
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    expect(shown).toEqual([7, null]);
  });
});
