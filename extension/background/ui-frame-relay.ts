import { browser, type Browser } from 'wxt/browser';
import { UI_FRAME_PATH, UI_FRAME_PORT, UI_PAGE_PORT } from '@/lib/messaging/ui-frame-protocol';
import { classifySender, isExtensionUrl } from './callers';

type Port = Browser.runtime.Port;
type Sender = Browser.runtime.MessageSender;

/** Messages the highlighter sends before its frame has connected; a frame that never comes caps it. */
const MAX_QUEUED = 20;
const TOKEN = /^[0-9a-f]{32}$/;

interface Pair {
  page: Port;
  frame: Port | null;
  queued: unknown[];
}

/** The tab of Gloss's content script in a web page's top frame (callers.ts decides), or null. */
function contentScriptTab(sender: Sender | undefined): number | null {
  const caller = sender ? classifySender(sender) : null;
  return caller && !('refused' in caller) && caller.kind === 'content-script' ? caller.tabId : null;
}

/** The tab of Gloss's UI frame opened with this token (an extension address in a tab's sub-frame), or null. */
function uiFrameTab(sender: Sender | undefined, token: string): number | null {
  if (sender?.id !== browser.runtime.id || sender.tab?.id === undefined || (sender.frameId ?? 0) === 0) return null;
  if (!isExtensionUrl(sender.url)) return null;
  const url = new URL(sender.url);
  return url.pathname === UI_FRAME_PATH && url.hash === `#${token}` ? sender.tab.id : null;
}

/**
 * Joins each highlighter to the UI frame it made in the same tab: two runtime ports whose messages the
 * background passes on unread. Returns the onConnect handler. A port that is neither side of a pair,
 * names no well-formed token, or comes from the wrong place is disconnected at once.
 */
export function createUiFrameRelay(): (port: Port) => void {
  const pairs = new Map<string, Pair>();
  const close = (key: string) => {
    const pair = pairs.get(key);
    if (!pair) return;
    pairs.delete(key);
    pair.page.disconnect();
    pair.frame?.disconnect();
  };
  const acceptPage = (port: Port, token: string) => {
    const tabId = contentScriptTab(port.sender);
    if (tabId === null) return port.disconnect();
    const key = `${tabId}:${token}`;
    close(key);
    const pair: Pair = { page: port, frame: null, queued: [] };
    pairs.set(key, pair);
    port.onMessage.addListener((message) => {
      if (pair.frame) pair.frame.postMessage(message);
      else if (pair.queued.length < MAX_QUEUED) pair.queued.push(message);
    });
    port.onDisconnect.addListener(() => {
      if (pairs.get(key) === pair) close(key);
    });
  };
  const acceptFrame = (port: Port, token: string) => {
    const tabId = uiFrameTab(port.sender, token);
    if (tabId === null) return port.disconnect();
    const key = `${tabId}:${token}`;
    const pair = pairs.get(key);
    // Only the frame the highlighter of the same tab made, and only once.
    if (!pair || pair.frame) return port.disconnect();
    pair.frame = port;
    for (const message of pair.queued.splice(0)) port.postMessage(message);
    port.onMessage.addListener((message) => pair.page.postMessage(message));
    port.onDisconnect.addListener(() => {
      if (pairs.get(key) === pair) close(key);
    });
  };
  return (port) => {
    const side = port.name.startsWith(UI_PAGE_PORT) ? 'page' : port.name.startsWith(UI_FRAME_PORT) ? 'frame' : null;
    if (side === null) return; // not a UI port: someone else's listener may want it
    const token = port.name.slice((side === 'page' ? UI_PAGE_PORT : UI_FRAME_PORT).length);
    if (!TOKEN.test(token)) return port.disconnect();
    if (side === 'page') acceptPage(port, token);
    else acceptFrame(port, token);
  };
}

/**
 * Firefox gives a web-accessible extension frame no `tabs` API, so the frame cannot reach the content
 * script directly; joining their ports here works the same in both browsers.
 */
export function installUiFrameRelay(): void {
  browser.runtime.onConnect.addListener(createUiFrameRelay());
}
