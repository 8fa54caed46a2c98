import { browser } from 'wxt/browser';
import type { WelcomeServices } from '@/components/welcome/welcome-services';
import { openLibrary } from '../library/library-channel';
import { shortcutServices } from '../shortcut-services';

export function createWelcomeServices(): WelcomeServices {
  return {
    ...shortcutServices(),
    openLibrary: () => openLibrary(),
    async openSettings() {
      await browser.runtime.openOptionsPage();
    },
  };
}
