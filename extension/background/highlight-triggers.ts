import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, readSettings } from '@/lib/storage/settings-store';
import { glossDatabase } from './database';
import { canOpenSidePanel, openSidePanel } from '../side-panel/open-side-panel';
import { createPdfLinkMenu, openPdfLink, PDF_LINK_MENU_ID } from './pdf-link-menu';
import { sendTabCommand } from './tab-commands';

export const CONTEXT_MENU_ID = 'gloss-highlight-selection';
export const SIDE_PANEL_MENU_ID = 'gloss-open-side-panel';
export const HIGHLIGHT_COMMAND = 'highlight-selection';

/** What the shortcut and the context menu do: highlight the tab's selection in the default colour (the settings page chooses it). */
export async function highlightSelectionIn(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  // A database that cannot be read still lets the person highlight, in the usual colour.
  const { defaultColor } = await readSettings(glossDatabase()).catch(() => DEFAULT_SETTINGS);
  // A tab without the content script (a browser page) has nothing to highlight; ignore the refusal.
  await sendTabCommand(tabId, 'highlight-selection', { color: defaultColor }).catch(() => undefined);
}

async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: 'Highlight selection', contexts: ['selection'] });
  createPdfLinkMenu();
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
    if (info.menuItemId === CONTEXT_MENU_ID) void highlightSelectionIn(tab?.id);
    // Still in the click's handler: both browsers open a side panel only for a person's gesture.
    else if (info.menuItemId === PDF_LINK_MENU_ID) openPdfLink(info, tab);
    else if (info.menuItemId === SIDE_PANEL_MENU_ID) void openSidePanel(tab?.windowId ?? null).catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === HIGHLIGHT_COMMAND) void highlightSelectionIn(tab?.id);
  });
}
