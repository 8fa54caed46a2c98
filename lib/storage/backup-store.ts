/**
 * Backup and restore at the database end: reading everything (or some pages) as a snapshot, and merging
 * a snapshot back in. The file format lives in lib/backup.
 */
import type { GlossSnapshot } from '../export/page-export';
import { keepLocal, mergeActor, mergeInto, mergePage, newerWins, noCounts, total, type ImportCounts } from './backup-merge';
import type { GlossDatabase } from './database';
import { importSettings, readDeviceRecords } from './device-records';
import { clampPage } from './keep-records';
import type { AnnotationRecord, PageRecord, TagRecord } from './records';
import { tagKey } from './tags';

export type { ImportCounts } from './backup-merge';

/** Totals over every record, and the same per kind (the UI speaks of `annotations` as highlights). */
export interface ImportReport extends ImportCounts {
  pages: ImportCounts;
  annotations: ImportCounts;
  tags: ImportCounts;
  entityTags: ImportCounts;
  actors: ImportCounts;
  aliasPicks: ImportCounts;
  /** This browser's settings and paused sites, when the backup carries them. */
  settings: ImportCounts;
  pausedSites: ImportCounts;
}

export interface ImportOptions {
  /**
   * Whether the backup's actors are merged in (new actors, names added to actors): the user agreed to
   * the changes actorChanges lists. Without it, the actors are left as they are.
   */
  actors: boolean;
  /**
   * Whether the backup's settings replace this browser's where they differ: the user agreed to the
   * changes settingChanges lists. Without it, only settings already at the file's value are written.
   */
  settings?: boolean;
}

const allTables = (db: GlossDatabase) => [
  db.pages,
  db.annotations,
  db.tags,
  db.entityTags,
  db.actors,
  db.aliasPicks,
  db.settings,
  db.pausedSites,
];

const present = <T>(record: T | undefined): record is T => record !== undefined;

function sortedBy<T>(records: T[], key: (record: T) => string): T[] {
  return records.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Pages and highlights a caller already holds (the library keeps them in memory), to skip reading them again. */
export interface LoadedRecords {
  pages: readonly PageRecord[];
  annotations: readonly AnnotationRecord[];
}

/**
 * Everything Gloss keeps, or with `pageUrls` only those pages: their annotations and entity tags, the
 * tags their annotations use, their alias picks, and every user actor and pick for every page (these
 * belong to no page). Everything also holds the settings and paused sites; a choice of pages does not.
 * One read transaction,
 * so the snapshot is consistent; records come sorted by their keys. With `loaded`, pages and
 * highlights come from there and only the small tables are read.
 */
export async function readSnapshot(db: GlossDatabase, pageUrls?: readonly string[], loaded?: LoadedRecords): Promise<GlossSnapshot> {
  return db.transaction('r', allTables(db), async () => {
    const actors = sortedBy(await db.actors.toArray(), (r) => r.id);
    if (!pageUrls) {
      const aliasPicks = sortedBy(await db.aliasPicks.toArray(), (r) => r.id);
      return {
        pages: sortedBy(loaded ? [...loaded.pages] : await db.pages.toArray(), (r) => r.url),
        annotations: sortedBy(loaded ? [...loaded.annotations] : await db.annotations.toArray(), (r) => r.id),
        tags: sortedBy(await db.tags.toArray(), (r) => r.key),
        entityTags: sortedBy(await db.entityTags.toArray(), (r) => r.id),
        actors,
        aliasPicks,
        ...(await readDeviceRecords(db)),
      };
    }
    const urls = [...new Set(pageUrls)];
    const wanted = new Set(urls);
    const annotations = loaded
      ? loaded.annotations.filter((r) => wanted.has(r.pageUrl))
      : await db.annotations.where('pageUrl').anyOf(urls).toArray();
    const pages = loaded ? loaded.pages.filter((r) => wanted.has(r.url)) : (await db.pages.bulkGet(urls)).filter(present);
    const tagKeys = [...new Set(annotations.flatMap((r) => r.tags.map(tagKey)))];
    return {
      pages: sortedBy(pages, (r) => r.url),
      annotations: sortedBy(annotations, (r) => r.id),
      tags: sortedBy((await db.tags.bulkGet(tagKeys)).filter(present), (r) => r.key),
      entityTags: sortedBy(await db.entityTags.where('pageUrl').anyOf(urls).toArray(), (r) => r.id),
      actors,
      aliasPicks: sortedBy(
        [
          ...(await db.aliasPicks.where('scope').equals('everywhere').toArray()),
          ...(await db.aliasPicks.where('pageUrl').anyOf(urls).toArray()),
        ],
        (r) => r.id,
      ),
    };
  });
}

/**
 * Stand-in pages for the pages the snapshot's records point to that neither it nor the database holds
 * (a backup from another tool lists no pages): titled with the address, spanning their records' times.
 * They are only added: a page already stored keeps its title, site and first-saved date.
 */
function standInPages(snapshot: GlossSnapshot): PageRecord[] {
  const listed = new Set(snapshot.pages.map((page) => page.url));
  const made = new Map<string, PageRecord>();
  const onPages = [
    ...snapshot.annotations,
    ...snapshot.entityTags,
    ...(snapshot.aliasPicks ?? []).filter((pick) => pick.pageUrl !== undefined),
  ] as { pageUrl: string; createdAt: number; updatedAt: number }[];
  for (const record of onPages) {
    if (listed.has(record.pageUrl)) continue;
    const page = made.get(record.pageUrl);
    if (page) {
      page.createdAt = Math.min(page.createdAt, record.createdAt);
      page.updatedAt = Math.max(page.updatedAt, record.updatedAt);
    } else {
      made.set(
        record.pageUrl,
        clampPage({
          url: record.pageUrl,
          title: record.pageUrl,
          siteName: null,
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
          actors: [],
        }),
      );
    }
  }
  return [...made.values()];
}

/** Tags the snapshot's annotations use that it does not list, spelled as first used; only added, like stand-in pages. */
function standInTags(snapshot: GlossSnapshot): TagRecord[] {
  const listed = new Set(snapshot.tags.map((tag) => tag.key));
  const made = new Map<string, TagRecord>();
  for (const annotation of snapshot.annotations) {
    for (const label of annotation.tags) {
      const key = tagKey(label);
      if (!listed.has(key) && !made.has(key)) made.set(key, { key, label, createdAt: annotation.createdAt });
    }
  }
  return [...made.values()];
}

/**
 * Merges a snapshot into the database: pages by url, tags by key, everything else by id. A record not
 * here is added; one that is the same is skipped; otherwise the newer `updatedAt` wins (a page keeps the
 * union of both sides' actors; a tag keeps its local spelling; an actor gains the names it lacked).
 * Alias picks merge like verdicts (the newer wins). Paused sites are united (a site paused here keeps its
 * time); settings follow importSettings (device-records.ts), replacing differing ones only with `settings: true`.
 * Stand-in pages and tags are made for records that need them, and never replace stored ones. Actors
 * are merged only with `actors: true` (the user agreed to actorChanges). All in one transaction over
 * every table, so a failure part-way leaves the database exactly as it was.
 */
export async function importSnapshot(
  db: GlossDatabase,
  snapshot: GlossSnapshot,
  options: ImportOptions = { actors: true, settings: true },
): Promise<ImportReport> {
  return db.transaction('rw', allTables(db), async () => {
    const pages = total([
      await mergeInto(db.pages, snapshot.pages, (r) => r.url, mergePage),
      await mergeInto(db.pages, standInPages(snapshot), (r) => r.url, keepLocal),
    ]);
    const tags = await mergeInto(db.tags, [...snapshot.tags, ...standInTags(snapshot)], (r) => r.key, keepLocal);
    const annotations = await mergeInto(db.annotations, snapshot.annotations, (r) => r.id, newerWins);
    const entityTags = await mergeInto(db.entityTags, snapshot.entityTags, (r) => r.id, newerWins);
    const actors = options.actors ? await mergeInto(db.actors, snapshot.actors, (r) => r.id, mergeActor) : noCounts();
    const aliasPicks = await mergeInto(db.aliasPicks, snapshot.aliasPicks ?? [], (r) => r.id, newerWins);
    const settings = await importSettings(db, snapshot.settings ?? [], options.settings === true);
    const pausedSites = await mergeInto(db.pausedSites, snapshot.pausedSites ?? [], (r) => r.site, keepLocal);
    return {
      ...total([pages, tags, annotations, entityTags, actors, aliasPicks, settings, pausedSites]),
      pages,
      annotations,
      tags,
      entityTags,
      actors,
      aliasPicks,
      settings,
      pausedSites,
    };
  });
}
