/**
 * "Erase everything" on the settings page: every record Gloss keeps, in one transaction, so an erase
 * that fails leaves everything as it was. Only the record that the welcome page was shown stays, so an
 * erase does not bring the welcome page back on the next start.
 *
 * Sync is forgotten too (its account, passphrase and replica): the erase is this device's, and must not
 * reach the server as a deletion of every highlight on every other device.
 */
import type { GlossDatabase } from './database';
import { clearSettings } from './settings-store';

/** What was erased that open views must hear of: pages whose tabs repaint, sites whose tabs start again. */
export interface ErasedRecords {
  pageUrls: string[];
  resumedSites: string[];
}

export async function eraseEverything(db: GlossDatabase): Promise<ErasedRecords> {
  // Settings are not cleared whole (`clearSettings` keeps the welcome record); every other table is.
  const cleared = [
    db.pages,
    db.annotations,
    db.tags,
    db.entityTags,
    db.actors,
    db.aliasPicks,
    db.pausedSites,
    db.syncRecords,
    db.syncState,
  ];
  return db.transaction('rw', [...cleared, db.settings], async () => {
    // A highlight's page may be missing from `pages` (an older import): both lists name pages to repaint.
    const pageUrls = new Set<string>([
      ...((await db.pages.toCollection().primaryKeys()) as string[]),
      ...((await db.annotations.orderBy('pageUrl').uniqueKeys()) as string[]),
      ...((await db.entityTags.orderBy('pageUrl').uniqueKeys()) as string[]),
    ]);
    const resumedSites = (await db.pausedSites.toCollection().primaryKeys()) as string[];
    await Promise.all(cleared.map((table) => table.clear()));
    await clearSettings(db);
    return { pageUrls: [...pageUrls].sort(), resumedSites };
  });
}
