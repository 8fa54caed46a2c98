/**
 * A replica held in memory: the records of a device's synced tables and their replica records. The
 * property tests simulate devices with it, and the sync benchmark uses it to time the sync itself apart
 * from IndexedDB. Records are keyed by `keyOf` per table. Every record counts as changed at each sync,
 * unless `trackChanges` is on: then, as in the extension, only those put or deleted since the last sync
 * (and every record at the first).
 */
import { newDeviceId } from './hybrid-clock';
import { recordId, type ReplicaRecord } from './replica-record';
import type { RecordWrite, Replica, ReplicaTransaction, SyncMeta } from './replica';

export const freshMeta = (deviceId = newDeviceId()): SyncMeta => ({
  deviceId,
  syncId: null,
  clock: null,
  nextSeq: 1,
  applied: {},
  outbox: [],
  snapshotEtag: null,
});

export class MemoryReplica implements Replica {
  readonly tables = new Map<string, Map<string, Record<string, unknown>>>();
  replicaRecords = new Map<string, ReplicaRecord>();
  meta: SyncMeta;
  private busy: Promise<unknown> = Promise.resolve();
  private changed: Map<string, { table: string; key: string }> | null = null;

  constructor(
    readonly keyOf: Record<string, (record: Record<string, unknown>) => string>,
    deviceId?: string,
    private readonly trackChanges = false,
  ) {
    this.meta = freshMeta(deviceId);
    for (const table of Object.keys(keyOf)) this.tables.set(table, new Map());
  }

  put(table: string, record: Record<string, unknown>): void {
    const key = this.keyOf[table](record);
    this.tables.get(table)!.set(key, structuredClone(record));
    this.changed?.set(recordId(table, key), { table, key });
  }

  delete(table: string, key: string): void {
    this.tables.get(table)!.delete(key);
    this.changed?.set(recordId(table, key), { table, key });
  }

  /** Runs transactions one at a time, on copies, so a failed one leaves nothing behind. */
  transaction<T>(work: (tx: ReplicaTransaction) => Promise<T>): Promise<T> {
    const run = this.busy.then(async () => {
      const tables = new Map([...this.tables].map(([name, rows]) => [name, new Map(rows)]));
      const replicas = new Map(this.replicaRecords);
      let meta = structuredClone(this.meta);
      const tx: ReplicaTransaction = {
        meta: async () => structuredClone(meta),
        saveMeta: async (next) => void (meta = structuredClone(next)),
        changedHere: async () => {
          const claimed = this.changed;
          if (this.trackChanges) this.changed = new Map();
          return claimed === null ? 'all' : [...claimed.values()];
        },
        records: async (refs) => {
          const result = new Map<string, Record<string, unknown>>();
          const wanted = refs === 'all' ? null : refs;
          for (const [table, rows] of tables) {
            // Read only: the engine never changes what it reads, so no copies.
            if (wanted === null) for (const [key, row] of rows) result.set(recordId(table, key), row);
          }
          for (const ref of wanted ?? []) {
            const row = tables.get(ref.table)?.get(ref.key);
            if (row) result.set(recordId(ref.table, ref.key), row);
          }
          return result;
        },
        replicas: async (ids) => {
          if (ids === 'all') return new Map([...replicas].map(([id, record]) => [id, structuredClone(record)]));
          const result = new Map<string, ReplicaRecord>();
          for (const id of ids) {
            const record = replicas.get(id);
            if (record) result.set(id, structuredClone(record));
          }
          return result;
        },
        putReplicas: async (records) => {
          for (const record of records) replicas.set(recordId(record.table, record.key), structuredClone(record));
        },
        write: async (writes: RecordWrite[]) => {
          for (const write of writes) {
            const rows = tables.get(write.table);
            if (!rows) continue;
            if (write.record === null) rows.delete(write.key);
            else rows.set(write.key, write.record);
          }
          return new Set<string>();
        },
      };
      const result = await work(tx);
      this.tables.clear();
      for (const [name, rows] of tables) this.tables.set(name, rows);
      this.replicaRecords = replicas;
      this.meta = meta;
      return result;
    });
    this.busy = run.catch(() => undefined);
    return run;
  }
}
