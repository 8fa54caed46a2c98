import { browser, type Browser } from 'wxt/browser';
import { isReadingPositionEvent, SIDE_PANEL_PORT, type ReadingPosition, type SidePanelPortMessage } from '@/lib/messaging/contract';
import { isContentScriptOfTab } from '../background/callers';

/**
 * The side panel's line to the background: a port held open while the panel lives, over which it names
 * the tab it shows, so that page reports the section being read only while someone looks
 * (extension/background/reading-position-watch.ts). Reports arrive as `reading-position` broadcasts, taken
 * only from the content script of that tab's top frame. A port the background dropped (a restarted
 * service worker) is opened again and told the tab once more.
 */
export function readingPositionClient(): (tabId: number, onPosition: (position: ReadingPosition | null) => void) => () => void {
  let port: Browser.runtime.Port | null = null;
  let watched: number | null = null;
  const tell = () => {
    const message: SidePanelPortMessage = { type: 'watch-reading-position', tabId: watched };
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

  return (tabId, onPosition) => {
    const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (isReadingPositionEvent(message) && isContentScriptOfTab(sender, tabId)) onPosition(message.heading);
    };
    browser.runtime.onMessage.addListener(listener);
    watched = tabId;
    if (!port) connect();
    tell();
    return () => {
      browser.runtime.onMessage.removeListener(listener);
      if (watched === tabId) {
        watched = null;
        tell();
      }
    };
  };
}
