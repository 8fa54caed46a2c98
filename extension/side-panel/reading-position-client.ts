import { browser, type Browser } from 'wxt/browser';
import {
  isReadingPositionEvent,
  MAX_WATCHED_HEADINGS,
  SIDE_PANEL_PORT,
  type ReadingPosition,
  type SidePanelPortMessage,
} from '@/lib/messaging/contract';
import { isContentScriptOfTab } from '../background/callers';

/**
 * The side panel's line to the background: a port held open while the panel lives, over which it names
 * the tab it shows, so that page reports the section being read only while someone looks
 * (extension/background/reading-position-watch.ts). Reports arrive as `reading-position` broadcasts, taken
 * only from the content script of that tab's top frame. A port the background dropped (a restarted
 * service worker) is opened again and told the tab once more.
 */
export function readingPositionClient(): (
  tabId: number,
  headings: number[],
  onPosition: (position: ReadingPosition | null) => void,
) => () => void {
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

  return (tabId, headings, onPosition) => {
    const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (isReadingPositionEvent(message) && isContentScriptOfTab(sender, tabId)) onPosition(message.heading);
    };
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
}
