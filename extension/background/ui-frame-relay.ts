import { browser, type Browser } from 'wxt/browser';
import { UI_FRAME_PATH, UI_FRAME_PORT, UI_PAGE_PORT } from '@/lib/messaging/ui-frame-protocol';

type Port = Browser.runtime.Port;

/** Messages the highlighter sends before its frame has connected; a frame that never comes caps it. */
const MAX_QUEUED = 20;
const TOKEN = /^[0-9a-f]{32}$/;

interface Pair {
  page: Port;
  frame: Port | null;
  queued: unknown[];
}

const pairs = new Map<string, Pair>();

function isTopFrameContentScript(sender: Browser.runtime.MessageSender | undefined): sender is Browser.runtime.MessageSender & { tab: { id: number } } {
  return sender?.id === browser.runtime.id && sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:/.test(sender.url ?? '');
}

/**
 * Gloss's UI frame inside a tab, opened with this token. Chrome reports the frame under the extension's
 * id while runtime.getURL gives the dynamic address of a `use_dynamic_url` resource: accept either host.
 */
function isUiFrame(sender: Browser.runtime.MessageSender | undefined, token: string): sender is Browser.runtime.MessageSender & { tab: { id: number } } {
  if (sender?.id !== browser.runtime.id || sender.tab?.id === undefined || (sender.frameId ?? 0) === 0 || !sender.url) return false;
  const url = new URL(sender.url);
  const own = new URL(browser.runtime.getURL('/'));
  return url.protocol === own.protocol && [own.host, browser.runtime.id].includes(url.host)
    && url.pathname === UI_FRAME_PATH && url.hash === `#${token}`;
}

function close(key: string): void {
  const pair = pairs.get(key);
  if (!pair) return;
  pairs.delete(key);
  pair.page.disconnect();
  pair.frame?.disconnect();
}

function acceptPage(port: Port, token: string): void {
  if (!isTopFrameContentScript(port.sender)) return port.disconnect();
  const key = `${port.sender.tab.id}:${token}`;
  close(key);
  const pair: Pair = { page: port, frame: null, queued: [] };
  pairs.set(key, pair);
  port.onMessage.addListener((message) => {
    if (pair.frame) pair.frame.postMessage(message);
    else if (pair.queued.length < MAX_QUEUED) pair.queued.push(message);
  });
  port.onDisconnect.addListener(() => { if (pairs.get(key) === pair) close(key); });
}

function acceptFrame(port: Port, token: string): void {
  if (!isUiFrame(port.sender, token)) return port.disconnect();
  const key = `${port.sender.tab.id}:${token}`;
  const pair = pairs.get(key);
  // Only the frame the highlighter of the same tab made, and only once.
  if (!pair || pair.frame) return port.disconnect();
  pair.frame = port;
  for (const message of pair.queued.splice(0)) port.postMessage(message);
  port.onMessage.addListener((message) => pair.page.postMessage(message));
  port.onDisconnect.addListener(() => { if (pairs.get(key) === pair) close(key); });
}

/**
 * Joins each highlighter to the UI frame it made in the same tab: two runtime ports whose messages the
 * background passes on unread. Firefox gives a web-accessible extension frame no `tabs` API, so the
 * frame cannot reach the content script directly; going through here works the same in both browsers.
 */
export function installUiFrameRelay(): void {
  browser.runtime.onConnect.addListener((port) => {
    const [prefix, token] = port.name.startsWith(UI_PAGE_PORT)
      ? [UI_PAGE_PORT, port.name.slice(UI_PAGE_PORT.length)]
      : port.name.startsWith(UI_FRAME_PORT) ? [UI_FRAME_PORT, port.name.slice(UI_FRAME_PORT.length)] : [null, ''];
    if (prefix === null) return;
    if (!TOKEN.test(token)) return port.disconnect();
    if (prefix === UI_PAGE_PORT) acceptPage(port, token);
    else acceptFrame(port, token);
  });
}
