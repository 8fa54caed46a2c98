import { browser } from 'wxt/browser';
import type { TabCommand, TabCommands, TabCommandType } from '@/lib/messaging/contract';

type CommandPayload<K extends TabCommandType> = TabCommands[K]['request'];

/**
 * Sends a command to the Gloss content script in a tab (top frame only). Rejects when the tab has no
 * content script, e.g. a browser page or a tab opened before the extension was installed.
 */
export async function sendTabCommand<K extends TabCommandType>(
  tabId: number,
  type: K,
  payload: CommandPayload<K>,
): Promise<TabCommands[K]['response']> {
  const command = { ...payload, type, gloss: 'tab-command' } as TabCommand<K>;
  return (await browser.tabs.sendMessage(tabId, command, { frameId: 0 })) as TabCommands[K]['response'];
}
