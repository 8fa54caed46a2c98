import { browser, type Browser } from 'wxt/browser';
import {
  hasMark,
  HOLDER_PARAMETER,
  isMarkedPageLoaded,
  OPEN_POPUP_PARAMETER,
  OPEN_SETTINGS_PARAMETER,
  OPEN_SIDE_PANEL_PARAMETER,
} from '../e2e-marks';
import { highlightSelectionIn, stepHighlightsIn } from './highlight-triggers';

export { OPEN_POPUP_PARAMETER, OPEN_SETTINGS_PARAMETER, OPEN_SIDE_PANEL_PARAMETER } from '../e2e-marks';

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
  const start = (tab: Browser.tabs.Tab) => {
    const open = tab.id !== undefined && tab.url ? openerFor(tab.url) : null;
    if (!open || tab.id === undefined || opened.has(tab.id)) return;
    const tabId = tab.id;
    opened.add(tabId);
    noteInTab(tabId, 'seen');
    void whenLoaded(tabId).then(async (loaded) => {
      noteInTab(tabId, loaded ? 'loaded' : 'never loaded');
      if (!loaded) return;
      try {
        await open(loaded);
        noteInTab(tabId, 'opened');
      } catch (error) {
        noteInTab(tabId, `failed: ${String(error)}`);
      }
    });
  };
  // Two ways in, whichever comes first: any update of a marked tab (not only the one saying "complete"),
  // and the marked page's own content script. A CI run had a page load with no popup opened for it.
  browser.tabs.onUpdated.addListener((_tabId, _change, tab) => start(tab));
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id === browser.runtime.id && sender.tab && isMarkedPageLoaded(message)) start(sender.tab);
    return undefined;
  });
}

/** Where in the marked tab's session storage the hook says how far it got (harness/firefox.ts reads it when a popup never opens). */
export const HOOK_NOTE_KEY = 'gloss-e2e-hook';

/** Adds `step` to the marked tab's note; a tab that cannot take it (closed, navigated away) is left alone. */
function noteInTab(tabId: number, step: string): void {
  browser.scripting
    .executeScript({
      target: { tabId },
      func: (key: string, line: string) => sessionStorage.setItem(key, `${sessionStorage.getItem(key) ?? ''}${line}; `),
      args: [HOOK_NOTE_KEY, step],
    })
    .catch(() => undefined);
}

/** What a marked address asks for, or null. */
function openerFor(url: string): ((tab: Browser.tabs.Tab) => unknown) | null {
  if (hasMark(url, OPEN_SETTINGS_PARAMETER)) {
    return () => openInKeptTab(url, browser.runtime.getURL('/settings.html'), () => browser.runtime.openOptionsPage());
  }
  if (hasMark(url, OPEN_POPUP_PARAMETER)) {
    return (tab) => {
      const popup = `${browser.runtime.getURL('/popup.html')}?tab=${tab.id}`;
      return openInKeptTab(url, popup, () => browser.tabs.create({ url: popup, windowId: tab.windowId, active: false }));
    };
  }
  if (hasMark(url, OPEN_SIDE_PANEL_PARAMETER)) {
    return (tab) => browser.windows.create({ url: `${browser.runtime.getURL('/sidepanel.html')}?window=${tab.windowId}`, focused: false });
  }
  return null;
}

/** Loads `page` into the tab kept ready for `markedUrl`, or, with none kept, does `otherwise`. */
async function openInKeptTab(markedUrl: string, page: string, otherwise: () => Promise<unknown>): Promise<unknown> {
  const holder = await holderFor(markedUrl);
  return holder === undefined ? otherwise() : browser.tabs.update(holder, { url: page });
}

/**
 * The tab kept ready for the Gloss page a marked address asks for, if one is open (the newest if several are).
 * Its `gloss-e2e-holder` is the marked address in base64url, so that its own address names no mark: builds
 * before the kept tabs (the bench's baseline) would take it for a marked page.
 */
async function holderFor(markedUrl: string): Promise<number | undefined> {
  const wanted = btoa(markedUrl).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
  const tabs = await browser.tabs.query({});
  const holders = tabs.filter((tab) => tab.url && URL.canParse(tab.url) && new URL(tab.url).searchParams.get(HOLDER_PARAMETER) === wanted);
  return holders.map((tab) => tab.id).findLast((id) => id !== undefined);
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
