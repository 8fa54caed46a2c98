import { browser, type Browser } from 'wxt/browser';
import { isSidePanelPortMessage, SIDE_PANEL_PORT } from '@/lib/messaging/contract';
import { classifySender } from './callers';
import { executeFileInTab, executeFunctionInTab } from './execute-in-tab';
import { pdfViewerTab, watchPdfReadingPosition } from './pdf-viewer-tabs';

type Port = Browser.runtime.Port;

/** Starts or stops the watcher in a tab; failures (a browser page, a tab just closed) are the caller's to ignore. */
export interface ReadingPositionControl {
  start: (tabId: number, headings: number[]) => Promise<void>;
  stop: (tabId: number) => Promise<void>;
}

/*
 * Serialised into the page: they use only the watcher /reading-position.js published in the same
 * isolated world (extension/page/reading-position.ts).
 */
type Watcher = { start: (headings: number[]) => void; stop: () => void };
function startInPage(headings: number[]): void {
  (globalThis as unknown as { __glossReadingPosition?: Watcher }).__glossReadingPosition?.start(headings);
}
function stopInPage(): void {
  (globalThis as unknown as { __glossReadingPosition?: Watcher }).__glossReadingPosition?.stop();
}

// A tab showing Gloss's PDF viewer has no page to run a watcher in: the viewer reports the page being read
// over its own port, and the background passes it on while the tab is watched (pdf-viewer-tabs.ts).
const inTabs: ReadingPositionControl = {
  async start(tabId, headings) {
    watchPdfReadingPosition(tabId, true);
    if (pdfViewerTab(tabId)) return;
    await executeFileInTab(tabId, '/reading-position.js');
    await executeFunctionInTab(tabId, startInPage, [headings]);
  },
  async stop(tabId) {
    watchPdfReadingPosition(tabId, false);
    if (pdfViewerTab(tabId)) return;
    await executeFunctionInTab(tabId, stopInPage, []);
  },
};

/**
 * Side panels keep a port open to the background and say over it which tab they show. The page of that
 * tab reports the section being read only while at least one panel watches it: the watcher starts when
 * the first panel asks (again on every ask, since a reloaded page lost it) and stops when the last one
 * moves to another tab or closes (its port disconnects). Returns the onConnect handler; a port from
 * anything but Gloss's own pages is disconnected at once, and a malformed message is ignored.
 */
export function createReadingPositionWatch(control: ReadingPositionControl = inTabs): (port: Port) => void {
  const watching = new Map<Port, number | null>();
  const watchers = (tabId: number) => [...watching.values()].filter((id) => id === tabId).length;
  const quietly = (work: Promise<void>) => void work.catch(() => undefined);

  const watch = (port: Port, tabId: number | null, headings: number[]) => {
    const before = watching.get(port) ?? null;
    watching.set(port, tabId);
    if (before !== null && before !== tabId && watchers(before) === 0) quietly(control.stop(before));
    if (tabId !== null) quietly(control.start(tabId, headings));
  };
  return (port) => {
    if (port.name !== SIDE_PANEL_PORT) return; // someone else's port
    const caller = port.sender ? classifySender(port.sender) : null;
    if (!caller || 'refused' in caller || caller.kind !== 'extension-page') return port.disconnect();
    watching.set(port, null);
    port.onMessage.addListener((message) => {
      if (isSidePanelPortMessage(message)) watch(port, message.tabId, message.headings);
    });
    port.onDisconnect.addListener(() => {
      watch(port, null, []);
      watching.delete(port);
    });
  };
}

export function installReadingPositionWatch(): void {
  browser.runtime.onConnect.addListener(createReadingPositionWatch());
}
