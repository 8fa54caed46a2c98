import { browser } from 'wxt/browser';
import type { WelcomeServices } from '@/components/welcome/welcome-services';
import { HIGHLIGHT_COMMAND } from '../background/highlight-triggers';

export function welcomeServices(): WelcomeServices {
  return {
    async shortcut() {
      const commands = await browser.commands.getAll();
      return commands.find((command) => command.name === HIGHLIGHT_COMMAND)?.shortcut || null;
    },
    async openShortcutSettings() {
      // Firefox has a call for it; Chrome's settings page can only be opened as a tab by an extension.
      const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
      if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
      else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
    },
    async openLibrary() {
      await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    },
  };
}
