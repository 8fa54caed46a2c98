import { browser, type Browser } from 'wxt/browser';
import type { SettingsServices } from '@/components/settings/settings-services';
import type { GlossBroadcast } from '@/lib/messaging/contract';
import { GlossDatabase } from '@/lib/storage/database';
import { readSettings } from '@/lib/storage/settings-store';
import { pausedSites } from '@/lib/storage/site-pause-store';
import { storedCounts } from '@/lib/storage/storage-summary';
import { isBroadcast } from '../broadcasts';
import { saveFile } from '../files/save-file';
import { exportSavedPages } from '../library/export-saved-pages';
import { sendRequest } from '../send-request';
import { shortcutServices } from '../shortcut-services';

/** Calls back on each broadcast of these types from Gloss itself; returns the unsubscribe function. */
function onBroadcast(types: GlossBroadcast['type'][], callback: (message: GlossBroadcast) => void): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (types.some((type) => isBroadcast(message, sender, type))) callback(message as GlossBroadcast);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * The settings page reads the database directly, as the library does (an extension page shares the
 * background's origin). Everything that changes what open tabs do goes through the background, which
 * tells them: settings, resuming a site, erasing.
 */
export function createSettingsServices(db = new GlossDatabase()): SettingsServices {
  return {
    ...shortcutServices(),
    loadSettings: () => readSettings(db),
    saveSettings: (changes) => sendRequest({ type: 'set-settings', changes }),
    subscribeSettings: (onChange) =>
      onBroadcast(['settings-changed'], (message) => {
        if (message.type === 'settings-changed') onChange(message.settings);
      }),
    async dataSummary() {
      const [counts, estimate] = await Promise.all([storedCounts(db), navigator.storage?.estimate?.().catch(() => undefined)]);
      return { counts, bytes: typeof estimate?.usage === 'number' ? estimate.usage : null };
    },
    subscribeData: (onChange) => onBroadcast(['annotations-changed', 'site-pause-changed'], onChange),
    async exportEverything() {
      const file = await exportSavedPages(db, 'json', null);
      saveFile(file);
      return file.fileName;
    },
    async eraseEverything() {
      return (await sendRequest({ type: 'erase-everything' })).erased;
    },
    pausedSites: {
      // Read here like everything else; resuming goes through the background, which wakes the site's tabs.
      list: () => pausedSites(db),
      async resume(site) {
        const result = await sendRequest({ type: 'set-site-paused', site, paused: false });
        if (!result.ok) throw new Error(result.message ?? 'the background refused.');
      },
      subscribe: (onChange) => onBroadcast(['site-pause-changed'], onChange),
    },
  };
}
