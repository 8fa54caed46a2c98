import { browser, type Browser } from 'wxt/browser';
import {
  isReadingPositionEvent,
  MAX_WATCHED_HEADINGS,
  SIDE_PANEL_PORT,
  type ReadingPosition,
  type SidePanelPortMessage,
} from '@/lib/messaging/contract';
import { isBroadcast } from '../broadcasts';
import { isContentScriptOfTab } from '../background/callers';

export interface ReadingPositionClient {
  /** A web page: the last of these headings (indexes among its h1–h6) above the reading line, or null. */
  watchReadingPosition: (tabId: number, headings: number[], onPosition: (position: ReadingPosition | null) => void) => () => void;
  /** Gloss's PDF viewer: the page being read, counted from 1. */
  watchPdfReadingPosition: (tabId: number, onPage: (pageNumber: number) => void) => () => void;
}

/**
 * The side panel's line to the background: a port held open while the panel lives, over which it names
 * the tab it shows, so that tab reports the section being read only while someone looks
 * (extension/background/reading-position-watch.ts). A web page's reports arrive as `reading-position`
 * broadcasts, taken only from the content script of that tab's top frame; the PDF viewer's as
 * `pdf-reading-position` broadcasts, taken only from Gloss itself (the background passes on what the
 * viewer's port reported) and only about that tab. A port the background dropped (a restarted service
 * worker) is opened again and told the tab once more.
 */
export function readingPositionClient(): ReadingPositionClient {
  let port: Browser.runtime.Port | null = null;
  let watched: number | null = null;
  let headingsWatched: number[] = [];
  const tell = () => {
    const message: SidePanelPortMessage = { type: 'watch-reading-position', tabId: watched, headings: headingsWatched };
    port?.postMessage(message);
  };
  const connect = () => {
    port = browser.runtime.connect({ name: SIDE_PANEL_PORT });
    port.onDisconnect.addListener(() => {
      port = null;
      if (watched !== null) {
        connect();
        tell();
      }
    });
  };
  const watch = (tabId: number, headings: number[], listener: (message: unknown, sender: Browser.runtime.MessageSender) => void) => {
    browser.runtime.onMessage.addListener(listener);
    watched = tabId;
    headingsWatched = headings.slice(0, MAX_WATCHED_HEADINGS);
    if (!port) connect();
    tell();
    return () => {
      browser.runtime.onMessage.removeListener(listener);
      if (watched === tabId) {
        watched = null;
        headingsWatched = [];
        tell();
      }
    };
  };

  return {
    watchReadingPosition: (tabId, headings, onPosition) =>
      watch(tabId, headings, (message, sender) => {
        if (isReadingPositionEvent(message) && isContentScriptOfTab(sender, tabId)) onPosition(message.heading);
      }),
    watchPdfReadingPosition: (tabId, onPage) =>
      watch(tabId, [], (message, sender) => {
        if (!isBroadcast(message, sender, 'pdf-reading-position')) return;
        const { tabId: about, pageNumber } = message as { tabId?: unknown; pageNumber?: unknown };
        if (about === tabId && Number.isInteger(pageNumber) && (pageNumber as number) >= 1) onPage(pageNumber as number);
      }),
  };
}
