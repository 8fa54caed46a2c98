/**
 * How an import merges a record into the one already stored under the same key (backup-store.ts).
 */
import type { Table } from 'dexie';
import { formKey } from '../entities/dictionary';
import { keepableActorKeys } from './keep-records';
import { MAX_ALIASES } from './record-schemas';
import type { PageRecord, UserActorRecord } from './records';

/** What an import did to one kind of record. */
export interface ImportCounts {
  added: number;
  updated: number;
  /** Already the same, or the local record is as new or newer and was kept. */
  skipped: number;
}

export const noCounts = (): ImportCounts => ({ added: 0, updated: 0, skipped: 0 });

/** Deep equality of stored data (plain objects, arrays, primitives); a key set to undefined counts as absent. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOf = (value: object) => Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  const keys = keysOf(a);
  if (keys.length !== keysOf(b).length) return false;
  return keys.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export type Merge<T> = (local: T, incoming: T) => T;

/** The record changed last; on a tie the local one stays. */
export const newerWins = <T extends { updatedAt: number }>(local: T, incoming: T): T =>
  incoming.updatedAt > local.updatedAt ? incoming : local;

/**
 * Newer page wins, but nothing either side learnt is lost: the actors both saw are united (at most
 * 1,000, as a page keeps), and an author or date only one side has read is kept.
 */
export const mergePage: Merge<PageRecord> = (local, incoming) => {
  const winner = newerWins(local, incoming);
  const other = winner === local ? incoming : local;
  const merged: PageRecord = { ...winner };
  const kept = new Set(winner.actors ?? []);
  const extra = (other.actors ?? []).filter((key) => !kept.has(key));
  if (extra.length > 0) merged.actors = keepableActorKeys([...kept, ...extra]);
  if (merged.byline === undefined && other.byline !== undefined) merged.byline = other.byline;
  if (merged.publishedTime === undefined && other.publishedTime !== undefined) merged.publishedTime = other.publishedTime;
  return sameData(merged, winner) ? winner : merged;
};

/** A stand-in page (made from a backup's highlights, without the page's record) never replaces one. */
export const keepLocal = <T>(local: T): T => local;

/**
 * An actor the user has and one a backup brings: the local name and kind stay, and the backup's names
 * the local actor lacks are added (up to 100), as adding aliases in Gloss does. Nothing is taken away.
 */
export const mergeActor: Merge<UserActorRecord> = (local, incoming) => {
  const keys = new Set(local.nameKeys);
  const aliases = [...local.aliases];
  for (const alias of incoming.aliases) {
    const key = formKey(alias);
    if (!key || keys.has(key) || aliases.length >= MAX_ALIASES) continue;
    keys.add(key);
    aliases.push(alias);
  }
  if (aliases.length === local.aliases.length) return local;
  return { ...local, aliases, nameKeys: [...keys], updatedAt: Math.max(local.updatedAt, incoming.updatedAt) };
};

/**
 * The records stored under `keys`, in order. bulkGet makes one request per key, a full read one cursor:
 * for an import about as large as the table (a restore, a second import of the same file) the cursor is
 * several times faster; for a few records into a big library, bulkGet reads far less.
 */
export async function localRecords<T>(
  table: Table<T, string, unknown>,
  keys: string[],
  key: (record: T) => string,
): Promise<(T | undefined)[]> {
  if ((await table.count()) > keys.length * 2) return table.bulkGet(keys);
  const stored = new Map((await table.toArray()).map((record) => [key(record), record]));
  return keys.map((k) => stored.get(k));
}

export async function mergeInto<T extends TInsert, TInsert>(
  table: Table<T, string, TInsert>,
  incoming: readonly T[],
  key: (record: T) => string,
  merge: Merge<T>,
): Promise<ImportCounts> {
  const counts = noCounts();
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

export function total(parts: ImportCounts[]): ImportCounts {
  return parts.reduce(
    (sum, part) => ({
      added: sum.added + part.added,
      updated: sum.updated + part.updated,
      skipped: sum.skipped + part.skipped,
    }),
    noCounts(),
  );
}
