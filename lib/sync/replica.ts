/**
 * A device's side of sync as the engine sees it: its records and their replica, read and written in one
 * transaction (Dexie in the extension, memory in the tests and the benchmark).
 */
import type { Stamp } from './hybrid-clock';
import type { RecordChange, ReplicaRecord } from './replica-record';

/** What a device keeps about its syncing, besides the replica records. */
export interface SyncMeta {
  deviceId: string;
  /** The sync folder's id (from its key file): a new one means the folder was started over. */
  syncId: string | null;
  /** The newest stamp this device issued or saw. */
  clock: Stamp | null;
  /** The number of this device's next change file. */
  nextSeq: number;
  /** Per other device, the last of its change files folded in here. */
  applied: Record<string, number>;
  /** Changes made here and not yet accepted by the server. */
  outbox: RecordChange[];
  /** The ETag of the snapshot as last read or written here (it is read again only when it changed). */
  snapshotEtag: string | null;
  /** Records from other devices this device refused (they break its rules): not taken for local deletions. */
  refused?: string[];
}

export interface RecordWrite {
  table: string;
  key: string;
  /** The record to put, or null to delete it. */
  record: Record<string, unknown> | null;
}

/** A transaction over the device's records and its replica (all of it happens, or none). */
export interface ReplicaTransaction {
  meta(): Promise<SyncMeta>;
  saveMeta(meta: SyncMeta): Promise<void>;
  /** Records changed here since the last sync ("all" when unknown, e.g. after a restart). */
  changedHere(): Promise<{ table: string; key: string }[] | 'all'>;
  /** The records as the database holds them now: those named, or every record of the synced tables. */
  records(refs: { table: string; key: string }[] | 'all'): Promise<Map<string, Record<string, unknown>>>;
  replicas(ids: string[] | 'all'): Promise<Map<string, ReplicaRecord>>;
  putReplicas(records: ReplicaRecord[]): Promise<void>;
  /** Writes what remote changes made of records; returns the ids it refused (a record that breaks the schema). */
  write(writes: RecordWrite[]): Promise<Set<string>>;
}

export interface Replica {
  transaction<T>(work: (tx: ReplicaTransaction) => Promise<T>): Promise<T>;
}
