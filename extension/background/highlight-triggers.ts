import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, readSettings } from '@/lib/storage/settings-store';
import { lastUsedColor } from '@/lib/storage/reader-habits';
import { glossDatabase } from './database';
import { canOpenSidePanel, openSidePanel } from '../side-panel/open-side-panel';
import { createPdfLinkMenu, openPdfLink, PDF_LINK_MENU_ID } from './pdf-link-menu';
import { sendTabCommand } from './tab-commands';

export const CONTEXT_MENU_ID = 'gloss-highlight-selection';
export const SIDE_PANEL_MENU_ID = 'gloss-open-side-panel';
export const HIGHLIGHT_COMMAND = 'highlight-selection';
export const STEP_COMMAND = 'step-highlights';

/** The key the person has bound to a command (they may have changed it), or null. */
async function shortcutOf(name: string): Promise<string | null> {
  const commands = await browser.commands.getAll().catch(() => []);
  return commands.find((command) => command.name === name)?.shortcut || null;
}

/**
 * What the shortcut and the context menu do: highlight the tab's selection in the colour used last,
 * or the default colour (the settings page chooses it) before the first highlight. Without a
 * selection, the page says what to do, naming the shortcut when one was pressed.
 */
export async function highlightSelectionIn(tabId: number | undefined, fromShortcut = false): Promise<void> {
  if (tabId === undefined) return;
  const db = glossDatabase();
  // A database that cannot be read still lets the person highlight, in the usual colour.
  const { defaultColor } = await readSettings(db).catch(() => DEFAULT_SETTINGS);
  const color = (await lastUsedColor(db).catch(() => null)) ?? defaultColor;
  const shortcut = fromShortcut ? await shortcutOf(HIGHLIGHT_COMMAND) : null;
  // A tab without the content script (a browser page) has nothing to highlight; ignore the refusal.
  await sendTabCommand(tabId, 'highlight-selection', { color, shortcut }).catch(() => undefined);
}

/** The step-through shortcut: the page focuses its highlight nearest the view, for N and P. */
export async function stepHighlightsIn(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  await sendTabCommand(tabId, 'step-highlights', {}).catch(() => undefined);
}

async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: 'Highlight selection', contexts: ['selection'] });
  createPdfLinkMenu();
  // On web pages only, where the panel has something to show.
  if (canOpenSidePanel()) {
    browser.contextMenus.create({
      id: SIDE_PANEL_MENU_ID,
      title: 'Open Gloss side panel',
      contexts: ['page'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
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
    if (command === HIGHLIGHT_COMMAND) void highlightSelectionIn(tab?.id, true);
    else if (command === STEP_COMMAND) void stepHighlightsIn(tab?.id);
  });
}
