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
  /** Which actor an ambiguous name means, on a page or on every page. */
  aliasPicks: number;
  pausedSites: number;
}

/** Counts every table in one read transaction, so the numbers agree with each other. */
export async function storedCounts(db: GlossDatabase): Promise<StoredCounts> {
  const tables = [db.pages, db.annotations, db.tags, db.entityTags, db.actors, db.aliasPicks, db.pausedSites];
  return db.transaction('r', tables, async () => {
    const [pages, highlights, tags, verdicts, actors, aliasPicks, pausedSites] = await Promise.all(tables.map((table) => table.count()));
    return { pages, highlights, tags, verdicts, actors, aliasPicks, pausedSites };
  });
}
