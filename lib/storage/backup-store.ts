/**
 * Backup and restore at the database end: reading everything (or some pages) as a snapshot, and merging
 * a snapshot back in. The file format lives in lib/export/web-annotation.
 */
import type { Table } from 'dexie';
import type { GlossSnapshot } from '../export/page-export';
import type { GlossDatabase } from './database';
import type { AnnotationRecord, PageRecord, TagRecord } from './records';
import { tagKey } from './tags';

/** What an import did to one kind of record. */
export interface ImportCounts {
  added: number;
  updated: number;
  /** Already the same, or the local record is as new or newer and was kept. */
  skipped: number;
}

/** Totals over every record, and the same per kind (the UI speaks of `annotations` as highlights). */
export interface ImportReport extends ImportCounts {
  pages: ImportCounts;
  annotations: ImportCounts;
  tags: ImportCounts;
  entityTags: ImportCounts;
  actors: ImportCounts;
}

const allTables = (db: GlossDatabase) => [db.pages, db.annotations, db.tags, db.entityTags, db.actors];

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
 * tags their annotations use, and every user actor (actors belong to no page). One read transaction,
 * so the snapshot is consistent; records come sorted by their keys. With `loaded`, pages and
 * highlights come from there and only the small tables are read.
 */
export async function readSnapshot(db: GlossDatabase, pageUrls?: readonly string[], loaded?: LoadedRecords): Promise<GlossSnapshot> {
  return db.transaction('r', allTables(db), async () => {
    const actors = sortedBy(await db.actors.toArray(), (r) => r.id);
    if (!pageUrls) {
      return {
        pages: sortedBy(loaded ? [...loaded.pages] : await db.pages.toArray(), (r) => r.url),
        annotations: sortedBy(loaded ? [...loaded.annotations] : await db.annotations.toArray(), (r) => r.id),
        tags: sortedBy(await db.tags.toArray(), (r) => r.key),
        entityTags: sortedBy(await db.entityTags.toArray(), (r) => r.id),
        actors,
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
    };
  });
}

/** Deep equality of stored data (plain objects, arrays, primitives); a key set to undefined counts as absent. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOf = (value: object) => Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  const keys = keysOf(a);
  if (keys.length !== keysOf(b).length) return false;
  return keys.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

type Merge<T> = (local: T, incoming: T) => T;

/** The record changed last; on a tie the local one stays. */
const newerWins = <T extends { updatedAt: number }>(local: T, incoming: T): T =>
  incoming.updatedAt > local.updatedAt ? incoming : local;

/**
 * Newer page wins, but nothing either side learnt is lost: the actors both saw are united, and an author
 * or date only one side has read is kept.
 */
const mergePage: Merge<PageRecord> = (local, incoming) => {
  const winner = newerWins(local, incoming);
  const other = winner === local ? incoming : local;
  const merged: PageRecord = { ...winner };
  const kept = new Set(winner.actors ?? []);
  const extra = (other.actors ?? []).filter((key) => !kept.has(key));
  if (extra.length > 0) merged.actors = [...kept, ...extra].sort();
  if (merged.byline === undefined && other.byline !== undefined) merged.byline = other.byline;
  if (merged.publishedTime === undefined && other.publishedTime !== undefined) merged.publishedTime = other.publishedTime;
  return sameData(merged, winner) ? winner : merged;
};

/** A tag is only a remembered spelling, with no change time: the local spelling stays. */
const keepLocal = <T>(local: T): T => local;

/**
 * The records stored under `keys`, in order. bulkGet makes one request per key, a full read one cursor:
 * for an import about as large as the table (a restore, a second import of the same file) the cursor is
 * several times faster; for a few records into a big library, bulkGet reads far less.
 */
async function localRecords<T>(table: Table<T, string, unknown>, keys: string[], key: (record: T) => string): Promise<(T | undefined)[]> {
  if ((await table.count()) > keys.length * 2) return table.bulkGet(keys);
  const stored = new Map((await table.toArray()).map((record) => [key(record), record]));
  return keys.map((k) => stored.get(k));
}

async function mergeInto<T extends TInsert, TInsert>(
  table: Table<T, string, TInsert>,
  incoming: readonly T[],
  key: (record: T) => string,
  merge: Merge<T>,
): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, updated: 0, skipped: 0 };
  const existing = await localRecords(table, incoming.map(key), key);
  const additions: T[] = [];
  const updates: T[] = [];
  incoming.forEach((record, i) => {
    const local = existing[i];
    if (local === undefined) {
      counts.added++;
      additions.push(record);
      return;
    }
    const merged = merge(local, record);
    if (sameData(merged, local)) counts.skipped++;
    else {
      counts.updated++;
      updates.push(merged);
    }
  });
  // New records are added, not put: a put makes Dexie read each old record first (to tell watchers
  // which index entries changed), which doubles the work of restoring a large backup.
  if (additions.length > 0) await table.bulkAdd(additions);
  if (updates.length > 0) await table.bulkPut(updates);
  return counts;
}

/** Pages the snapshot's records point to that neither it nor the database holds: minimal ones, as touchPage makes. */
async function missingPages(db: GlossDatabase, snapshot: GlossSnapshot, now: number): Promise<PageRecord[]> {
  const listed = new Set(snapshot.pages.map((page) => page.url));
  const wanted = [...new Set([...snapshot.annotations, ...snapshot.entityTags].map((r) => r.pageUrl))].filter((url) => !listed.has(url));
  const found = await db.pages.bulkGet(wanted);
  return wanted
    .filter((_, i) => !found[i])
    .map((url) => ({ url, title: url.slice(0, 500), siteName: null, createdAt: now, updatedAt: now, actors: [] }));
}

/** Tags the snapshot's annotations use that neither it nor the database holds. */
async function missingTags(db: GlossDatabase, snapshot: GlossSnapshot, now: number): Promise<TagRecord[]> {
  const listed = new Set(snapshot.tags.map((tag) => tag.key));
  const wanted = new Map<string, string>();
  for (const label of snapshot.annotations.flatMap((r) => r.tags)) {
    const key = tagKey(label);
    if (!listed.has(key) && !wanted.has(key)) wanted.set(key, label);
  }
  const found = await db.tags.bulkGet([...wanted.keys()]);
  return [...wanted].filter((_, i) => !found[i]).map(([key, label]) => ({ key, label, createdAt: now }));
}

function total(parts: ImportCounts[]): ImportCounts {
  return parts.reduce((sum, part) => ({
    added: sum.added + part.added, updated: sum.updated + part.updated, skipped: sum.skipped + part.skipped,
  }), { added: 0, updated: 0, skipped: 0 });
}

/**
 * Merges a snapshot into the database: pages by url, tags by key, everything else by id. A record not
 * here is added; one that is the same is skipped; otherwise the newer `updatedAt` wins (a page keeps the
 * union of both sides' actors; a tag keeps its local spelling). All in one transaction over every table,
 * so a failure part-way leaves the database exactly as it was. `now` dates pages and tags the snapshot's
 * records need but nobody has (parseBackup already supplies them for files).
 */
export async function importSnapshot(db: GlossDatabase, snapshot: GlossSnapshot, now = Date.now()): Promise<ImportReport> {
  return db.transaction('rw', allTables(db), async () => {
    const pages = await mergeInto(db.pages, [...snapshot.pages, ...(await missingPages(db, snapshot, now))], (r) => r.url, mergePage);
    const tags = await mergeInto(db.tags, [...snapshot.tags, ...(await missingTags(db, snapshot, now))], (r) => r.key, keepLocal);
    const annotations = await mergeInto(db.annotations, snapshot.annotations, (r) => r.id, newerWins);
    const entityTags = await mergeInto(db.entityTags, snapshot.entityTags, (r) => r.id, newerWins);
    const actors = await mergeInto(db.actors, snapshot.actors, (r) => r.id, newerWins);
    return { ...total([pages, tags, annotations, entityTags, actors]), pages, annotations, tags, entityTags, actors };
  });
}
