/**
 * The sync replica over Gloss's database: the synced tables, the `syncRecords` replica and the sync
 * bookkeeping in `syncState`, in one read-write transaction per step, so a sync that fails halfway
 * leaves the database as it was.
 *
 * Which records changed here since the last sync is known from Dexie's hooks on the synced tables, kept
 * in memory; after the background starts (the service worker sleeps) the first sync compares every
 * record instead, so an edit made just before it slept is still found.
 */
import Dexie, { type Table } from 'dexie';
import type { GlossDatabase } from '@/lib/storage/database';
import { parseRecord } from '@/lib/storage/schema-fields';
import { newDeviceId } from '@/lib/sync/hybrid-clock';
import { freshMeta } from '@/lib/sync/memory-replica';
import { recordId, type ReplicaRecord } from '@/lib/sync/replica-record';
import type { RecordWrite, Replica, ReplicaTransaction, SyncMeta } from '@/lib/sync/sync-engine';
import { SYNC_TABLES, syncTable } from '@/lib/sync/sync-tables';

const META = 'meta';

export class DexieReplica implements Replica {
  private changed = new Map<string, { table: string; key: string }>();
  private everything = true;
  private listeners: (() => void)[] = [];

  constructor(private readonly db: GlossDatabase) {
    for (const spec of SYNC_TABLES) {
      const table = db.table(spec.name);
      const mark = (key: unknown) => {
        if (typeof key !== 'string') return;
        this.changed.set(recordId(spec.name, key), { table: spec.name, key });
        for (const listener of this.listeners) listener();
      };
      table.hook('creating', (key, record) => mark(key ?? (record as Record<string, unknown>)[spec.key]));
      table.hook('updating', (_changes, key) => mark(key));
      table.hook('deleting', (key) => mark(key));
    }
  }

  /** Another context (the library page) wrote the database: the next sync compares every record. */
  markAllChanged(): void {
    this.everything = true;
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
        return Dexie.Promise.resolve(everything ? 'all' as const : [...claimed.values()]);
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
        const rows = ids === 'all' ? await db.syncRecords.toArray() : (await db.syncRecords.bulkGet(ids)).filter((row) => row !== undefined);
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
      if (usedChanged) this.everything = false;
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
