/**
 * Compaction: one device folds the change files into the snapshot, so the sync folder stays small and a
 * new device reads one file instead of every change ever made.
 */
import type { RemoteFile, RemoteFolder } from './remote-folder';
import type { Replica, SyncMeta } from './replica';
import { packSnapshot, parseChangeFileName, SNAPSHOT_FILE } from './sync-files';
import { SyncProblem } from './sync-problem';

/**
 * Folds every change this device has seen into a new snapshot, replacing the old one only if no other
 * device replaced it meanwhile (If-Match on its ETag), then deletes the change files it covers. Any
 * device reading later finds them in the snapshot. Returns false when another device got there first.
 */
export async function compact(
  remote: RemoteFolder,
  replica: Replica,
  files: RemoteFile[],
  meta: SyncMeta,
  key: CryptoKey,
): Promise<boolean> {
  const records = await replica.transaction(async (tx) => [...(await tx.replicas('all')).values()]);
  const covers: Record<string, number> = { ...meta.applied, [meta.deviceId]: meta.nextSeq - 1 };
  const existing = files.find((file) => file.name === SNAPSHOT_FILE);
  const bytes = await packSnapshot(key, { kind: 'snapshot', covers, records });
  try {
    await remote.put(SNAPSHOT_FILE, bytes, existing?.etag ? { ifMatch: existing.etag } : { ifNoneMatch: '*' });
  } catch (error) {
    if (error instanceof SyncProblem && error.code === 'changed-meanwhile') return false;
    throw error;
  }
  const listed = await remote.list();
  const written = listed.find((file) => file.name === SNAPSHOT_FILE)?.etag ?? null;
  await replica.transaction(async (tx) => {
    const latest = await tx.meta();
    latest.snapshotEtag = written;
    await tx.saveMeta(latest);
  });
  for (const file of listed) {
    const parsed = parseChangeFileName(file.name);
    if (parsed && parsed.seq <= (covers[parsed.device] ?? 0)) await remote.remove(file.name).catch(() => undefined);
  }
  return true;
}
