import { browser } from 'wxt/browser';

/** A page whose address carries this parameter gets the popup opened for it, as a tab. */
export const OPEN_POPUP_PARAMETER = 'gloss-e2e-open-popup';
/** A page whose address carries this parameter gets a side panel following its window, in a window of its own. */
export const OPEN_SIDE_PANEL_PARAMETER = 'gloss-e2e-open-side-panel';

/**
 * Only in builds made with `--mode e2e`. Firefox's WebDriver BiDi cannot open moz-extension:// pages (nor
 * reach the browser's own sidebar), so tests and the headless demo ask the extension to open its popup
 * for a tab, or its side panel for a window (`sidepanel.html?window=<id>`), by loading a marked URL.
 */
export function installE2eHooks(): void {
  const opened = new Set<number>();
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url || opened.has(tabId)) return;
    if (tab.url.includes(OPEN_POPUP_PARAMETER)) {
      opened.add(tabId);
      void browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?tab=${tabId}`, active: false });
    } else if (tab.url.includes(OPEN_SIDE_PANEL_PARAMETER)) {
      opened.add(tabId);
      void browser.windows.create({ url: `${browser.runtime.getURL('/sidepanel.html')}?window=${tab.windowId}`, focused: false });
    }
  });
}
