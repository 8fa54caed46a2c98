/**
 * One sync, the same on every device and in the tests: read what other devices added to the folder, fold
 * it and this device's own changes into the replica in one local transaction, then add this device's
 * changes as one new file, and now and then fold the change files into the snapshot.
 *
 * Order matters for "nothing is lost": remote files are read and checked before anything local is
 * touched (a wrong passphrase, a damaged file or a server error stop the sync with nothing changed); the
 * local transaction records this device's edits before writing remote ones over them; what was to be sent
 * stays in the outbox until the server has accepted it (going offline loses nothing).
 */
import { HybridClock } from './hybrid-clock';
import {
  applyChange,
  emptyRecord,
  localChange,
  materialise,
  mergeRecord,
  recordId,
  sameValue,
  type RecordChange,
  type ReplicaRecord,
} from './replica-record';
import { compact } from './compact-folder';
import {
  changeFileName,
  packChanges,
  parseChangeFileName,
  SNAPSHOT_FILE,
  unpackChanges,
  unpackSnapshot,
  type Snapshot,
} from './sync-files';
import { SyncProblem } from './sync-problem';
import type { RemoteFile, RemoteFolder } from './remote-folder';
import type { RecordWrite, Replica, ReplicaTransaction, SyncMeta } from './replica';

export interface SyncOutcome {
  /** Changes this device sent, and remote changes it folded in. */
  sent: number;
  received: number;
  /** Records written here because of remote changes. */
  written: RecordWrite[];
  /** Records other devices sent that this device could not keep (they break the record rules). */
  refused: number;
  compacted: boolean;
}

export interface SyncOptions {
  key: CryptoKey;
  syncId: string;
  now?: () => number;
  /** Fold change files into the snapshot once there are more than this many. */
  compactAfter?: number;
  /** Changes per file when a device has many to send (the first sync of a large library). */
  changesPerFile?: number;
  /** Fold into the snapshot now, whatever the count ("Start over from this device"). */
  compactNow?: boolean;
}

const COMPACT_AFTER = 40;
const CHANGES_PER_FILE = 5_000;

/** What other devices added: a snapshot to merge (when it holds changes not yet seen here) and change files. */
async function readRemote(remote: RemoteFolder, files: RemoteFile[], meta: SyncMeta, key: CryptoKey) {
  const applied = { ...meta.applied };
  let snapshot: Snapshot | null = null;
  const listed = new Map<string, number[]>();
  for (const file of files) {
    const parsed = parseChangeFileName(file.name);
    if (!parsed || parsed.device === meta.deviceId) continue;
    listed.set(parsed.device, [...(listed.get(parsed.device) ?? []), parsed.seq]);
  }
  const snapshotFile = files.find((file) => file.name === SNAPSHOT_FILE);
  let snapshotEtag = meta.snapshotEtag;
  if (snapshotFile && (snapshotFile.etag === null || snapshotFile.etag !== meta.snapshotEtag)) {
    snapshot = await unpackSnapshot(key, (await remote.get(SNAPSHOT_FILE)).bytes);
    snapshotEtag = snapshotFile.etag;
    for (const [device, seq] of Object.entries(snapshot.covers)) {
      if (device !== meta.deviceId && seq > (applied[device] ?? 0)) applied[device] = seq;
    }
  }
  const changes: RecordChange[] = [];
  for (const [device, seqs] of listed) {
    const wanted = seqs.filter((seq) => seq > (applied[device] ?? 0)).sort((a, b) => a - b);
    for (const seq of wanted) {
      if (seq !== (applied[device] ?? 0) + 1) {
        throw new SyncProblem('changed-meanwhile', 'Another device was tidying the sync folder; Gloss will try again shortly.');
      }
      const name = changeFileName(device, seq);
      let bytes: Uint8Array;
      try {
        bytes = (await remote.get(name)).bytes;
      } catch (error) {
        if (error instanceof SyncProblem && error.code === 'not-found') {
          throw new SyncProblem('changed-meanwhile', 'Another device was tidying the sync folder; Gloss will try again shortly.');
        }
        throw error;
      }
      changes.push(...(await unpackChanges(key, name, bytes)).changes);
      applied[device] = seq;
    }
  }
  return { snapshot, changes, applied, snapshotEtag };
}

/** Everything in one local transaction: this device's edits first, then the remote ones, then the writes. */
async function fold(tx: ReplicaTransaction, remote: Awaited<ReturnType<typeof readRemote>>, syncId: string, now: () => number) {
  const meta = await tx.meta();
  const startedOver = meta.syncId !== null && meta.syncId !== syncId;
  if (meta.syncId !== syncId) {
    // A folder started over (or new to this device): this device reads it all again, numbers its files
    // from 1 there, and puts everything it holds into the snapshot, so nothing it knew is lost.
    meta.applied = {};
    meta.syncId = syncId;
    meta.nextSeq = 1;
  }
  const clock = new HybridClock(meta.deviceId, meta.clock, now);
  const here = await tx.changedHere();
  const current = await tx.records(here);
  const hereIds = here === 'all' ? null : here.map((ref) => recordId(ref.table, ref.key));
  const incomingIds = new Set<string>();
  for (const record of remote.snapshot?.records ?? []) incomingIds.add(recordId(record.table, record.key));
  for (const change of remote.changes) incomingIds.add(recordId(change.table, change.key));
  const replicas = await tx.replicas(hereIds === null ? 'all' : [...new Set([...hereIds, ...incomingIds])]);
  const touched = new Map<string, ReplicaRecord>();
  const replicaOf = (table: string, key: string): ReplicaRecord => {
    const id = recordId(table, key);
    let record = replicas.get(id);
    if (!record) replicas.set(id, (record = emptyRecord(table, key)));
    return record;
  };

  // 1. This device's edits since the last sync, stamped now.
  const outbox: RecordChange[] = [];
  const localIds = hereIds ?? [...new Set([...current.keys(), ...[...replicas.keys()]])];
  const refusedBefore = new Set(meta.refused ?? []);
  for (const id of localIds) {
    if (refusedBefore.has(id) && !current.has(id)) continue;
    refusedBefore.delete(id);
    const [table, key] = id.split('\u0000');
    const change = localChange(table, key, replicas.get(id), current.get(id), () => clock.tick());
    if (change) {
      applyChange(replicaOf(table, key), change);
      touched.set(id, replicaOf(table, key));
      outbox.push(change);
    }
  }
  // 2. Other devices' changes.
  let received = 0;
  const changedByRemote = new Set<string>();
  for (const record of remote.snapshot?.records ?? []) {
    for (const field of Object.values(record.fields)) clock.observe(field.stamp);
    if (mergeRecord(replicaOf(record.table, record.key), record)) changedByRemote.add(recordId(record.table, record.key));
  }
  for (const change of remote.changes) {
    clock.observe(change.stamp);
    received += 1;
    if (applyChange(replicaOf(change.table, change.key), change)) changedByRemote.add(recordId(change.table, change.key));
  }
  // 3. What remote changes made of records, written where the database differs.
  const before =
    hereIds === null
      ? current
      : await tx.records(
          [...changedByRemote].map((id) => {
            const [table, key] = id.split('\u0000');
            return { table, key };
          }),
        );
  const writes: RecordWrite[] = [];
  for (const id of changedByRemote) {
    const replica = replicas.get(id)!;
    touched.set(id, replica);
    const record = materialise(replica);
    const existing = before.get(id) ?? null;
    if (record === null ? existing !== null : !sameValue(record, existing)) writes.push({ table: replica.table, key: replica.key, record });
  }
  const refused = writes.length > 0 ? await tx.write(writes) : new Set<string>();
  await tx.putReplicas([...touched.values()]);
  meta.applied = remote.applied;
  meta.snapshotEtag = remote.snapshotEtag;
  meta.clock = clock.last();
  meta.outbox = [...meta.outbox, ...outbox];
  meta.refused = [...new Set([...refusedBefore, ...refused])].filter(
    (id) => !writes.some((w) => w.record === null && recordId(w.table, w.key) === id),
  );
  await tx.saveMeta(meta);
  return {
    meta,
    startedOver,
    received,
    written: writes.filter((write) => !refused.has(recordId(write.table, write.key))),
    refused: refused.size,
  };
}

/** One sync against `remote`. Throws a SyncProblem (nothing changed here, nothing lost) when it cannot finish. */
export async function syncOnce(remote: RemoteFolder, replica: Replica, options: SyncOptions): Promise<SyncOutcome> {
  const { key, syncId } = options;
  const now = options.now ?? Date.now;
  const files = await remote.list();
  const startMeta = await replica.transaction((tx) => tx.meta());
  const fresh = startMeta.syncId !== syncId;
  const incoming = await readRemote(remote, files, fresh ? { ...startMeta, applied: {}, snapshotEtag: null } : startMeta, key);
  const folded = await replica.transaction((tx) => fold(tx, incoming, syncId, now));
  let meta = folded.meta;

  // Send the outbox in files of at most changesPerFile changes, then drop what was sent from it in one
  // step. Stopped halfway, the next sync sends it all again: applying a change twice changes nothing, and
  // numbers already taken on the server are skipped.
  const perFile = options.changesPerFile ?? CHANGES_PER_FILE;
  const outbox = meta.outbox;
  let seq = meta.nextSeq;
  for (let offset = 0; offset < outbox.length; offset += perFile) {
    const batch = outbox.slice(offset, offset + perFile);
    for (let skipped = 0; ; skipped++) {
      try {
        await remote.put(
          changeFileName(meta.deviceId, seq),
          await packChanges(key, { kind: 'changes', device: meta.deviceId, seq, changes: batch }),
          { ifNoneMatch: '*' },
        );
        break;
      } catch (error) {
        // The number is taken: an earlier attempt whose answer was lost.
        if (!(error instanceof SyncProblem && error.code === 'changed-meanwhile') || skipped >= 100) throw error;
        seq += 1;
      }
    }
    seq += 1;
  }
  const sent = outbox.length;
  if (sent > 0) {
    meta = await replica.transaction(async (tx) => {
      const latest = await tx.meta();
      latest.outbox = latest.outbox.slice(sent);
      latest.nextSeq = seq;
      await tx.saveMeta(latest);
      return latest;
    });
  }

  const changeFiles = files.filter((file) => parseChangeFileName(file.name) !== null).length + Math.ceil(sent / perFile);
  let compacted = false;
  if (options.compactNow || folded.startedOver || changeFiles > (options.compactAfter ?? COMPACT_AFTER)) {
    compacted = await compact(remote, replica, files, meta, key);
  }
  return { sent, received: folded.received, written: folded.written, refused: folded.refused, compacted };
}
