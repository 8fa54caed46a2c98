import { browser } from 'wxt/browser';
import type { ShortcutServices } from '@/components/shortcut-services';
import { HIGHLIGHT_COMMAND } from './background/highlight-triggers';

/** The highlight shortcut in this browser, for the welcome and settings pages. */
export function shortcutServices(): ShortcutServices {
  return {
    async shortcut() {
      const commands = await browser.commands.getAll();
      return commands.find((command) => command.name === HIGHLIGHT_COMMAND)?.shortcut || null;
    },
    async openShortcutSettings() {
      // Firefox has a call for it (since 137); Chrome's settings page can only be opened as a tab by an
      // extension. An older Firefox has neither, and may not open about: pages: the page says where it is.
      const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
      if (typeof commands.openShortcutSettings === 'function') {
        await commands.openShortcutSettings();
        return true;
      }
      if (import.meta.env.FIREFOX) return false;
      await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
      return true;
    },
  };
}
