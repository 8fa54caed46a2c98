import type { GlossDatabase } from './database';

/** When the welcome page was first shown (ms since 1970): it is shown once per installation. */
const WELCOME_SHOWN = 'welcome-shown-at';

/**
 * Records that the welcome page is being shown, in one transaction; true only the first time. A
 * browser may report a fresh install again (Chrome does for an extension loaded from the command
 * line on each launch), so the database, not the browser's account, decides.
 */
export async function claimWelcome(db: GlossDatabase, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(WELCOME_SHOWN)) return false;
    await db.settings.put({ key: WELCOME_SHOWN, value: now, updatedAt: now });
    return true;
  });
}
