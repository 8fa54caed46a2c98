import { browser } from 'wxt/browser';
import { claimWelcome } from '@/lib/storage/settings-store';
import { glossDatabase } from './database';

/**
 * Opens the welcome page once, when Gloss is first installed; not on updates, restarts or reloads. The
 * library's menu opens it again.
 */
export function installWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void claimWelcome(glossDatabase()).then(
      (first) => {
        if (first) void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
      },
      (error: unknown) => console.warn('Gloss could not record the welcome page', error),
    );
  });
}
