import type { GlossDatabase } from './database';

/** How many records of each kind Gloss keeps, for the settings page's "Your data". */
export interface StoredCounts {
  pages: number;
  highlights: number;
  tags: number;
  /** Confirmed or rejected entities. */
  verdicts: number;
  /** Threat actors the person named or gave extra names. */
  actors: number;
  pausedSites: number;
}

/** Counts every table in one read transaction, so the numbers agree with each other. */
export async function storedCounts(db: GlossDatabase): Promise<StoredCounts> {
  return db.transaction('r', [db.pages, db.annotations, db.tags, db.entityTags, db.actors, db.pausedSites], async () => {
    const [pages, highlights, tags, verdicts, actors, pausedSites] = await Promise.all(
      [db.pages, db.annotations, db.tags, db.entityTags, db.actors, db.pausedSites].map((table) => table.count()),
    );
    return { pages, highlights, tags, verdicts, actors, pausedSites };
  });
}
