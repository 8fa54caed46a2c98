import { browser, type Browser } from 'wxt/browser';
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
  // Any update of a marked tab starts the wait, not only the one saying "complete": Firefox now and then
  // sends no such update for a page loaded into a new tab, and its popup never opened (a CI run failed so).
  browser.tabs.onUpdated.addListener((tabId, _change, tab) => {
    const open = tab.url ? openerFor(tab.url) : null;
    if (!open || opened.has(tabId)) return;
    opened.add(tabId);
    void whenLoaded(tabId).then((loaded) => loaded && open(loaded));
  });
}

/** What a marked address asks for, or null. */
function openerFor(url: string): ((tab: Browser.tabs.Tab) => unknown) | null {
  if (url.includes(OPEN_SETTINGS_PARAMETER)) return () => browser.runtime.openOptionsPage();
  if (url.includes(OPEN_POPUP_PARAMETER)) {
    return (tab) => browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?tab=${tab.id}`, active: false });
  }
  if (url.includes(OPEN_SIDE_PANEL_PARAMETER)) {
    return (tab) => browser.windows.create({ url: `${browser.runtime.getURL('/sidepanel.html')}?window=${tab.windowId}`, focused: false });
  }
  return null;
}

/** How often, and how many times, a marked tab is asked whether it has loaded. */
const LOAD_POLL_MS = 100;
const LOAD_POLLS = 600;

/** The tab once it has finished loading, asked of the tab itself; null when it closed or never loaded. */
async function whenLoaded(tabId: number): Promise<Browser.tabs.Tab | null> {
  for (let poll = 0; poll < LOAD_POLLS; poll++) {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab) return null;
    if (tab.status === 'complete') return tab;
    await new Promise((resolve) => setTimeout(resolve, LOAD_POLL_MS));
  }
  return null;
}
