import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiFrameRelay } from '@/extension/background/ui-frame-relay';

type Sender = Browser.runtime.MessageSender;

const ID = fakeBrowser.runtime.id;
afterEach(() => vi.restoreAllMocks());
const TOKEN = '0123456789abcdef0123456789abcdef';
const OTHER_TOKEN = 'fedcba9876543210fedcba9876543210';

/** A runtime port as the background sees it: what it was sent, and whether it was disconnected. */
function fakePort(name: string, sender: Sender) {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  const port = {
    name,
    sender,
    received: [] as unknown[],
    disconnected: false,
    postMessage: (message: unknown) => {
      port.received.push(message);
    },
    disconnect: () => {
      if (port.disconnected) return;
      port.disconnected = true;
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
    /** The other side sends a message. */
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    /** The other side goes away. */
    drop: () => {
      port.disconnected = true;
      disconnectListeners.forEach((listener) => listener());
    },
  };
  return port;
}

const tab = (id: number) => ({ id }) as Browser.tabs.Tab;
const pageSender = (tabId = 7, frameId = 0, url = 'https://news.example/a'): Sender => ({ id: ID, tab: tab(tabId), frameId, url });
const frameSender = (tabId = 7, url = `chrome-extension://${ID}/ui-frame.html#${TOKEN}`): Sender => ({
  id: ID,
  tab: tab(tabId),
  frameId: 5,
  url,
});

function connect(relay: (port: Browser.runtime.Port) => void, port: ReturnType<typeof fakePort>): ReturnType<typeof fakePort> {
  relay(port as unknown as Browser.runtime.Port);
  return port;
}

describe('the UI frame relay', () => {
  it('joins the highlighter to its frame: messages sent before the frame came are passed on, then both ways', () => {
    const relay = createUiFrameRelay();
    const page = connect(relay, fakePort(`gloss-ui-page:${TOKEN}`, pageSender()));
    page.send({ type: 'toolbar', seq: 1, color: 'yellow' });
    const frame = connect(relay, fakePort(`gloss-ui-frame:${TOKEN}`, frameSender()));
    expect(frame.received).toEqual([{ type: 'toolbar', seq: 1, color: 'yellow' }]);
    frame.send({ type: 'highlight', color: 'yellow', withNote: false });
    page.send({ type: 'hide' });
    expect(page.received).toEqual([{ type: 'highlight', color: 'yellow', withNote: false }]);
    expect(frame.received.at(-1)).toEqual({ type: 'hide' });
    expect([page.disconnected, frame.disconnected]).toEqual([false, false]);
  });

  it('accepts the frame under its id while runtime.getURL gives the dynamic address of a use_dynamic_url resource', () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockReturnValue('chrome-extension://dynamic-0123/');
    const relay = createUiFrameRelay();
    connect(relay, fakePort(`gloss-ui-page:${TOKEN}`, pageSender()));
    const frame = connect(
      relay,
      fakePort(`gloss-ui-frame:${TOKEN}`, frameSender(7, `chrome-extension://dynamic-0123/ui-frame.html#${TOKEN}`)),
    );
    expect(frame.disconnected).toBe(false);
  });

  it('refuses a frame from another tab, with another token, at another address, or from another extension', () => {
    const relay = createUiFrameRelay();
    connect(relay, fakePort(`gloss-ui-page:${TOKEN}`, pageSender(7)));
    const refused = [
      fakePort(`gloss-ui-frame:${TOKEN}`, frameSender(8)),
      fakePort(`gloss-ui-frame:${OTHER_TOKEN}`, frameSender(7, `chrome-extension://${ID}/ui-frame.html#${OTHER_TOKEN}`)),
      fakePort(`gloss-ui-frame:${TOKEN}`, frameSender(7, `chrome-extension://${ID}/popup.html#${TOKEN}`)),
      fakePort(`gloss-ui-frame:${TOKEN}`, frameSender(7, `https://evil.example/ui-frame.html#${TOKEN}`)),
      fakePort(`gloss-ui-frame:${TOKEN}`, { ...frameSender(7), id: 'other-extension' }),
    ];
    for (const port of refused) expect(connect(relay, port).disconnected).toBe(true);
  });

  it('refuses a page port from a sub-frame, a non-web page or a malformed token, and a second frame for one highlighter', () => {
    const relay = createUiFrameRelay();
    expect(connect(relay, fakePort(`gloss-ui-page:${TOKEN}`, pageSender(7, 2))).disconnected).toBe(true);
    expect(connect(relay, fakePort(`gloss-ui-page:${TOKEN}`, pageSender(7, 0, 'file:///etc/passwd'))).disconnected).toBe(true);
    expect(connect(relay, fakePort('gloss-ui-page:not-a-token', pageSender())).disconnected).toBe(true);
    connect(relay, fakePort(`gloss-ui-page:${TOKEN}`, pageSender()));
    expect(connect(relay, fakePort(`gloss-ui-frame:${TOKEN}`, frameSender())).disconnected).toBe(false);
    expect(connect(relay, fakePort(`gloss-ui-frame:${TOKEN}`, frameSender())).disconnected).toBe(true);
  });

  it('closes both sides when either goes away', () => {
    const relay = createUiFrameRelay();
    const page = connect(relay, fakePort(`gloss-ui-page:${TOKEN}`, pageSender()));
    const frame = connect(relay, fakePort(`gloss-ui-frame:${TOKEN}`, frameSender()));
    frame.drop();
    expect(page.disconnected).toBe(true);
    // A new frame for the old token finds no highlighter waiting.
    expect(connect(relay, fakePort(`gloss-ui-frame:${TOKEN}`, frameSender())).disconnected).toBe(true);
  });

  it('leaves ports that are not the UI’s alone', () => {
    const relay = createUiFrameRelay();
    expect(connect(relay, fakePort('something-else', pageSender())).disconnected).toBe(false);
  });
});
