/**
 * The sync replica over Gloss's database: the synced tables, the `syncRecords` replica and the sync
 * bookkeeping in `syncState`, in one read-write transaction per step, so a sync that fails halfway
 * leaves the database as it was.
 *
 * Which records changed here since the last sync is known from Dexie's hooks on the synced tables: kept
 * in memory, and written to `syncState` once each writing transaction has committed, so a background
 * that sleeps between syncs (Chrome's service worker does, within a minute) need not compare every
 * record when it wakes. That note is written just after the change it names; should the background be
 * stopped in between, the change would wait for the next full comparison, which runs when the note is
 * missing, when another page wrote the database (the library's imports and renames), and at least once
 * a day (FULL_SCAN_MS).
 */
import Dexie, { type Table } from 'dexie';
import type { GlossDatabase } from '@/lib/storage/database';
import { parseRecord } from '@/lib/storage/schema-fields';
import { newDeviceId } from '@/lib/sync/hybrid-clock';
import { freshMeta } from '@/lib/sync/memory-replica';
import { recordId, type ReplicaRecord } from '@/lib/sync/replica-record';
import type { RecordWrite, Replica, ReplicaTransaction, SyncMeta } from '@/lib/sync/replica';
import { SYNC_TABLES, syncTable } from '@/lib/sync/sync-tables';

const META = 'meta';
const CHANGED = 'changed';
const FULL_SCAN_MS = 24 * 60 * 60 * 1000;

/** The persisted note of records changed since the last sync, and when every record was last compared. */
interface ChangedNote {
  refs: { table: string; key: string }[];
  fullScanAt: number;
}

export class DexieReplica implements Replica {
  private changed = new Map<string, { table: string; key: string }>();
  private everything = true;
  private listeners: (() => void)[] = [];
  /** Changes whose transaction has not committed yet, or whose note is not written yet. */
  private unnoted = new Map<string, { table: string; key: string }>();
  private noting: Promise<void> | null = null;
  private readonly watched = new WeakSet<object>();

  constructor(
    private readonly db: GlossDatabase,
    private readonly now: () => number = Date.now,
  ) {
    for (const spec of SYNC_TABLES) {
      const table = db.table(spec.name);
      const mark = (key: unknown, transaction: { on: (event: 'complete', listener: () => void) => void }) => {
        if (typeof key !== 'string') return;
        const ref = { table: spec.name, key };
        this.changed.set(recordId(spec.name, key), ref);
        this.unnoted.set(recordId(spec.name, key), ref);
        if (!this.watched.has(transaction)) {
          this.watched.add(transaction);
          transaction.on('complete', () => this.note());
        }
        for (const listener of this.listeners) listener();
      };
      table.hook('creating', (key, record, transaction) => mark(key ?? (record as Record<string, unknown>)[spec.key], transaction));
      table.hook('updating', (_changes, key, _record, transaction) => mark(key, transaction));
      table.hook('deleting', (key, _record, transaction) => mark(key, transaction));
    }
  }

  /** Adds the changes not noted yet to the persisted note, in a transaction of its own. */
  private note(): void {
    if (this.noting) return;
    this.noting = (async () => {
      while (this.unnoted.size > 0) {
        const refs = [...this.unnoted.values()];
        this.unnoted = new Map();
        await Dexie.ignoreTransaction(() =>
          this.db.transaction('rw', this.db.syncState, async () => {
            const stored = (await this.db.syncState.get(CHANGED))?.value as ChangedNote | undefined;
            // No note yet: the next sync compares everything anyway, and writes the first note.
            if (!stored) return;
            const merged = new Map(stored.refs.map((ref) => [recordId(ref.table, ref.key), ref]));
            for (const ref of refs) merged.set(recordId(ref.table, ref.key), ref);
            await this.db.syncState.put({ key: CHANGED, value: { ...stored, refs: [...merged.values()] } });
          }),
        ).catch((error: unknown) => console.warn('Gloss sync: could not note a change; the next full comparison finds it.', error));
      }
    })().finally(() => {
      this.noting = null;
    });
  }

  /** Waits until every change so far is noted (for tests). */
  async noted(): Promise<void> {
    while (this.noting) await this.noting;
  }

  private fullScanAsked = false;
  /** Counts requests for a full comparison, so one made while a sync runs is not lost when it ends. */
  private fullScanRequests = 0;

  /** Another context (the library page) wrote the database: the next sync compares every record. */
  markAllChanged(): void {
    this.everything = true;
    this.fullScanAsked = true;
    this.fullScanRequests += 1;
  }

  /** Called after every local change to a synced table (to schedule a sync). */
  onLocalChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private tables(): Table[] {
    return [...SYNC_TABLES.map((spec) => this.db.table(spec.name)), this.db.syncRecords, this.db.syncState];
  }

  async transaction<T>(work: (tx: ReplicaTransaction) => Promise<T>): Promise<T> {
    const db = this.db;
    const claimed = this.changed;
    const everything = this.everything;
    const requests = this.fullScanRequests;
    this.changed = new Map();
    // Changes made by the transaction's own writes are marked too; they compare equal next time.
    let usedChanged = false;
    const tx: ReplicaTransaction = {
      meta: async () => {
        const stored = (await db.syncState.get(META))?.value as SyncMeta | undefined;
        if (stored) return stored;
        // The device id is made once and kept.
        const made = freshMeta(newDeviceId());
        await db.syncState.put({ key: META, value: made });
        return made;
      },
      saveMeta: async (meta) => void (await db.syncState.put({ key: META, value: meta })),
      // Only Dexie's promises keep a transaction alive across an await: a plain resolved one commits it early.
      changedHere: () => {
        usedChanged = true;
        return db.syncState.get(CHANGED).then((row) => {
          const stored = row?.value as ChangedNote | undefined;
          const full = everything && (!stored || this.now() - stored.fullScanAt > FULL_SCAN_MS || this.fullScanAsked);
          // The note is emptied in this transaction: what it named is compared now.
          const note: ChangedNote = { refs: [], fullScanAt: full ? this.now() : stored!.fullScanAt };
          return db.syncState.put({ key: CHANGED, value: note }).then(() => {
            if (full) return 'all' as const;
            const refs = new Map(claimed);
            if (everything) for (const ref of stored!.refs) refs.set(recordId(ref.table, ref.key), ref);
            return [...refs.values()];
          });
        });
      },
      records: async (refs) => {
        const result = new Map<string, Record<string, unknown>>();
        for (const spec of SYNC_TABLES) {
          const table = db.table(spec.name);
          const keys = refs === 'all' ? null : refs.filter((ref) => ref.table === spec.name).map((ref) => ref.key);
          const rows = (keys === null ? await table.toArray() : (await table.bulkGet(keys)).filter(Boolean)) as Record<string, unknown>[];
          for (const row of rows) result.set(recordId(spec.name, String(row[spec.key])), row);
        }
        return result;
      },
      replicas: async (ids) => {
        const rows =
          ids === 'all' ? await db.syncRecords.toArray() : (await db.syncRecords.bulkGet(ids)).filter((row) => row !== undefined);
        return new Map(rows.map((row) => [row.id, { table: row.table, key: row.key, fields: row.fields }]));
      },
      putReplicas: async (records: ReplicaRecord[]) => {
        await db.syncRecords.bulkPut(records.map((record) => ({ id: recordId(record.table, record.key), ...record })));
      },
      write: (writes: RecordWrite[]) => {
        const refused = new Set<string>();
        const work: Promise<unknown>[] = [];
        for (const spec of SYNC_TABLES) {
          const mine = writes.filter((write) => write.table === spec.name);
          if (mine.length === 0) continue;
          const puts: unknown[] = [];
          const deletes: string[] = [];
          for (const write of mine) {
            if (write.record === null) deletes.push(write.key);
            else {
              try {
                puts.push(parseRecord(spec.schema, write.record, spec.label));
              } catch (error) {
                console.warn('Gloss sync: a record from another device breaks the rules and was not kept:', error);
                refused.add(recordId(write.table, write.key));
              }
            }
          }
          const table = db.table(spec.name);
          work.push(table.bulkDelete(deletes), table.bulkPut(puts));
        }
        return Dexie.Promise.all(work).then(() => refused);
      },
    };
    try {
      const result = await db.transaction('rw', this.tables(), () => work(tx));
      if (usedChanged && this.fullScanRequests === requests) this.everything = this.fullScanAsked = false;
      else for (const [id, ref] of claimed) if (!this.changed.has(id)) this.changed.set(id, ref);
      return result;
    } catch (error) {
      // Nothing was kept: the changes claimed are still to be sent.
      for (const [id, ref] of claimed) if (!this.changed.has(id)) this.changed.set(id, ref);
      throw error;
    }
  }
}

export const isSyncedTable = (name: string): boolean => syncTable(name) !== undefined;
