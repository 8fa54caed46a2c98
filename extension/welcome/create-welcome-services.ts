import { browser } from 'wxt/browser';
import type { WelcomeServices } from '@/components/welcome/welcome-services';
import { shortcutServices } from '../shortcut-services';

export function createWelcomeServices(): WelcomeServices {
  return {
    ...shortcutServices(),
    async openLibrary() {
      await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    },
    async openSettings() {
      await browser.runtime.openOptionsPage();
    },
  };
}
