import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { createReadingPositionWatch } from '@/extension/background/reading-position-watch';
import { SIDE_PANEL_PORT } from '@/lib/messaging/contract';

type Sender = Browser.runtime.MessageSender;
const ID = fakeBrowser.runtime.id;

function fakePort(sender: Sender, name = SIDE_PANEL_PORT) {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  const port = {
    name,
    sender,
    disconnected: false,
    postMessage: () => undefined,
    disconnect: () => {
      port.disconnected = true;
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    drop: () => disconnectListeners.forEach((listener) => listener()),
  };
  return port;
}

const panelSender = (): Sender => ({ id: ID, url: `chrome-extension://${ID}/sidepanel.html` });

function setUp() {
  const calls: string[] = [];
  const accept = createReadingPositionWatch({
    start: async (tabId, headings) => void calls.push(`start ${tabId} [${headings.join(',')}]`),
    stop: async (tabId) => void calls.push(`stop ${tabId}`),
  });
  const connect = (sender: Sender = panelSender(), name?: string) => {
    const port = fakePort(sender, name);
    accept(port as unknown as Browser.runtime.Port);
    return port;
  };
  return { calls, connect };
}

const watch = (tabId: number | null, headings = [1, 3]) => ({ type: 'watch-reading-position', tabId, headings });

describe('the reading-position watch', () => {
  it('starts the watcher in the tab a panel shows, moves with it, and stops it when the panel closes', () => {
    const { calls, connect } = setUp();
    const panel = connect();
    panel.send(watch(7));
    panel.send(watch(9));
    panel.drop();
    expect(calls).toEqual(['start 7 [1,3]', 'stop 7', 'start 9 [1,3]', 'stop 9']);
  });

  it('starts again when asked again for the same tab (a reloaded page lost its watcher)', () => {
    const { calls, connect } = setUp();
    const panel = connect();
    panel.send(watch(7));
    panel.send(watch(7, [2]));
    expect(calls).toEqual(['start 7 [1,3]', 'start 7 [2]']);
  });

  it('keeps a tab watched while another panel (another window) still shows it', () => {
    const { calls, connect } = setUp();
    const first = connect();
    const second = connect();
    first.send(watch(7));
    second.send(watch(7));
    first.drop();
    expect(calls).toEqual(['start 7 [1,3]', 'start 7 [1,3]']);
    second.send(watch(null, []));
    expect(calls.at(-1)).toBe('stop 7');
  });

  it('refuses ports from web pages and other extensions, and ignores malformed messages', () => {
    const { calls, connect } = setUp();
    const page = connect({ id: ID, tab: { id: 7 } as Browser.tabs.Tab, frameId: 0, url: 'https://news.example/a' });
    const stranger = connect({ id: 'someone-else', url: 'chrome-extension://someone-else/panel.html' });
    expect([page.disconnected, stranger.disconnected]).toEqual([true, true]);
    const panel = connect();
    panel.send({ type: 'watch-reading-position', tabId: -1, headings: [] });
    panel.send({ type: 'watch-reading-position', tabId: '7', headings: [] });
    panel.send({ type: 'watch-reading-position', tabId: 7 });
    panel.send({ type: 'watch-reading-position', tabId: 7, headings: ['1'] });
    panel.send({ type: 'watch-reading-position', tabId: 7, headings: Array.from({ length: 5_001 }, (_, i) => i) });
    panel.send({ type: 'something-else', tabId: 7, headings: [] });
    expect(calls).toEqual([]);
  });

  it('leaves other ports alone', () => {
    const { connect } = setUp();
    expect(connect(panelSender(), 'gloss-ui-page:0123').disconnected).toBe(false);
  });
});
