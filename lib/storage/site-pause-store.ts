/**
 * Sites where the user paused Gloss (lib/url/site.ts makes the keys). Kept in the background's
 * database, so a page can neither read nor change it.
 */
import type { GlossDatabase } from './database';
import type { PausedSiteRecord } from './records';

/** Pauses Gloss on a site; pausing a paused site keeps the time it was first paused. */
export async function pauseSite(db: GlossDatabase, site: string, now = Date.now()): Promise<PausedSiteRecord> {
  return db.transaction('rw', db.pausedSites, async () => {
    const existing = await db.pausedSites.get(site);
    if (existing) return existing;
    const record: PausedSiteRecord = { site, pausedAt: now };
    await db.pausedSites.add(record);
    return record;
  });
}

/** Resumes Gloss on a site; resuming a site that is not paused changes nothing. */
export async function resumeSite(db: GlossDatabase, site: string): Promise<void> {
  await db.pausedSites.delete(site);
}

export async function isSitePaused(db: GlossDatabase, site: string): Promise<boolean> {
  return (await db.pausedSites.get(site)) !== undefined;
}

/** Every paused site, in alphabetical order of its key. */
export async function pausedSites(db: GlossDatabase): Promise<PausedSiteRecord[]> {
  return db.pausedSites.orderBy('site').toArray();
}
