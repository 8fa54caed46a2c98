import { browser } from 'wxt/browser';
import { canOpenSidePanel, openSidePanel } from '../side-panel/open-side-panel';
import { sendTabCommand } from './tab-commands';

export const CONTEXT_MENU_ID = 'gloss-highlight-selection';
export const SIDE_PANEL_MENU_ID = 'gloss-open-side-panel';
export const HIGHLIGHT_COMMAND = 'highlight-selection';

function highlightIn(tabId: number | undefined): void {
  if (tabId === undefined) return;
  // A tab without the content script (a browser page) has nothing to highlight; ignore the refusal.
  void sendTabCommand(tabId, 'highlight-selection', {}).catch(() => undefined);
}

async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: 'Highlight selection', contexts: ['selection'] });
  // On web pages only, where the panel has something to show.
  if (canOpenSidePanel()) {
    browser.contextMenus.create({
      id: SIDE_PANEL_MENU_ID, title: 'Open Gloss side panel', contexts: ['page'], documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  }
}

/** The context menu item and the keyboard shortcut; both highlight the tab's current selection. */
export function installHighlightTriggers(): void {
  // Chrome keeps menu items across restarts and Firefox does not: recreate them at both moments.
  browser.runtime.onInstalled.addListener(() => void createMenu());
  browser.runtime.onStartup.addListener(() => void createMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CONTEXT_MENU_ID) highlightIn(tab?.id);
    // Still in the click's handler: both browsers open a side panel only for a person's gesture.
    else if (info.menuItemId === SIDE_PANEL_MENU_ID) void openSidePanel(tab?.windowId ?? null).catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === HIGHLIGHT_COMMAND) highlightIn(tab?.id);
  });
}
