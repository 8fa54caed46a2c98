import { browser } from 'wxt/browser';
import { highlightSelectionIn, stepHighlightsIn } from './highlight-triggers';

/** A page whose address carries this parameter gets the popup opened for it, as a tab. */
export const OPEN_POPUP_PARAMETER = 'gloss-e2e-open-popup';
/** A page whose address carries this parameter gets the options page (settings) opened, as a person would from the add-ons page. */
export const OPEN_SETTINGS_PARAMETER = 'gloss-e2e-open-settings';
/** A page whose address carries this parameter gets a side panel following its window, in a window of its own. */
export const OPEN_SIDE_PANEL_PARAMETER = 'gloss-e2e-open-side-panel';
/** A page whose fragment changes to one starting with this gets what the highlight shortcut does. */
export const SHORTCUT_FRAGMENT = '#gloss-e2e-shortcut';
/** The same for the step-through shortcut. */
export const STEP_FRAGMENT = '#gloss-e2e-step';

/**
 * Only in builds made with `--mode e2e`. Firefox's WebDriver BiDi cannot open moz-extension:// pages (nor
 * reach the browser's own sidebar), so tests and the headless demo ask the extension to open its popup
 * for a tab, its options page, or its side panel for a window (`sidepanel.html?window=<id>`), by loading
 * a marked URL. Nor does Firefox route keys sent over BiDi to extension shortcuts: a test presses the
 * shortcut by changing the page's fragment (which keeps the selection), and the background does what
 * the command does.
 */
export function installE2eHooks(): void {
  const opened = new Set<number>();
  browser.tabs.onUpdated.addListener((tabId, change) => {
    const hash = change.url ? new URL(change.url).hash : '';
    if (hash.startsWith(SHORTCUT_FRAGMENT)) void highlightSelectionIn(tabId, true);
    else if (hash.startsWith(STEP_FRAGMENT)) void stepHighlightsIn(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url || opened.has(tabId)) return;
    if (tab.url.includes(OPEN_SETTINGS_PARAMETER)) {
      opened.add(tabId);
      void browser.runtime.openOptionsPage();
    } else if (tab.url.includes(OPEN_POPUP_PARAMETER)) {
      opened.add(tabId);
      void browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?tab=${tabId}`, active: false });
    } else if (tab.url.includes(OPEN_SIDE_PANEL_PARAMETER)) {
      opened.add(tabId);
      void browser.windows.create({ url: `${browser.runtime.getURL('/sidepanel.html')}?window=${tab.windowId}`, focused: false });
    }
  });
}
