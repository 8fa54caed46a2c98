import { browser } from 'wxt/browser';

/** A page whose address carries this parameter gets the popup opened for it, as a tab. */
export const OPEN_POPUP_PARAMETER = 'gloss-e2e-open-popup';

/**
 * Only in builds made with `--mode e2e`. Firefox's WebDriver BiDi cannot open moz-extension:// pages,
 * so tests and the headless demo ask the extension to open its popup for a tab by loading a marked URL.
 */
export function installE2eHooks(): void {
  const opened = new Set<number>();
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url?.includes(OPEN_POPUP_PARAMETER) || opened.has(tabId)) return;
    opened.add(tabId);
    void browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?tab=${tabId}`, active: false });
  });
}
