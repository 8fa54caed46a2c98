import { browser } from 'wxt/browser';
import type { GlossBroadcast, GlossRequest, GlossResponse } from '@/lib/messaging/contract';
import { eraseEverything } from '@/lib/storage/erase-everything';
import { readSettings, saveSettings, type GlossSettings } from '@/lib/storage/settings-store';
import { storedCounts } from '@/lib/storage/storage-summary';
import { announceChanges, announceEntityChanges } from './announce-change';
import { glossDatabase } from './database';
import { invalidateEntityScanner } from './entity-scanner';
import { announceSitePause } from './site-pause-handlers';
import { sendTabCommand } from './tab-commands';

/*
 * The settings page's requests. Only Gloss's own pages may send them (contract.ts, callers.ts): a web
 * page must neither switch the toolbar off nor erase anything.
 */

/**
 * Tells every open tab (its loader and highlighter follow at once, without a reload) and every extension
 * page (another open settings page) what the settings now are. Tabs without Gloss's content script are
 * fine to miss. Announcements run one after another and each reads the settings afresh: two quick
 * changes (arrow keys through the colours) would otherwise reach a tab in either order, and the older
 * one could win there.
 */
let announcing: Promise<void> = Promise.resolve();
export function announceSettings(): Promise<void> {
  announcing = announcing.then(() => readSettings(glossDatabase()).then(sendSettings)).catch(() => undefined);
  return announcing;
}

async function sendSettings(settings: GlossSettings): Promise<void> {
  const event: GlossBroadcast<'settings-changed'> = { type: 'settings-changed', settings };
  browser.runtime.sendMessage(event).catch(() => undefined);
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(
    tabs.flatMap((tab) => (tab.id === undefined ? [] : [sendTabCommand(tab.id, 'settings-changed', { settings }).catch(() => undefined)])),
  );
}

/** Caller: extension pages (the settings page). Stores the changes and returns every setting as it now is. */
export async function setSettings({ changes }: GlossRequest<'set-settings'>): Promise<GlossResponse<'set-settings'>> {
  const settings = await saveSettings(glossDatabase(), changes);
  await announceSettings();
  return settings;
}

/**
 * Caller: extension pages (the settings page, once the person has confirmed). Deletes every record in one
 * transaction, then has every view catch up as after any deletion: tabs of erased pages repaint (to
 * nothing), tabs of paused sites start again, the dictionaries drop the person's actors, and the
 * settings are back to their defaults everywhere.
 */
export async function eraseAll(_request: GlossRequest<'erase-everything'>): Promise<GlossResponse<'erase-everything'>> {
  const db = glossDatabase();
  const erased = await storedCounts(db);
  const { pageUrls, resumedSites } = await eraseEverything(db);
  invalidateEntityScanner();
  announceEntityChanges(null);
  await Promise.all([announceChanges(pageUrls), ...resumedSites.map((site) => announceSitePause(site, false)), announceSettings()]);
  return { erased };
}
