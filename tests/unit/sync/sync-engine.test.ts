import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryReplica } from '@/lib/sync/memory-replica';
import { deriveKey, seal } from '@/lib/sync/sync-crypto';
import { syncOnce } from '@/lib/sync/sync-engine';
import { SyncProblem } from '@/lib/sync/sync-problem';
import { MemoryFolder } from './memory-folder';

let key: CryptoKey;
beforeAll(async () => {
  key = await deriveKey('p', new Uint8Array(16), 100_000);
});
const SYNC_ID = '0123456789abcdef';
const device = (id: string) => new MemoryReplica({ annotations: (r) => String(r.id) }, id);

/** A folder that refuses every write for a while, as a device offline or a full server would. */
class FlakyFolder extends MemoryFolder {
  failing = true;
  override async put(name: string, bytes: Uint8Array, condition: { ifMatch: string } | { ifNoneMatch: '*' }) {
    if (this.failing) throw new SyncProblem('offline', 'offline');
    return super.put(name, bytes, condition);
  }
}

describe('syncOnce', () => {
  it('keeps what it could not send, and sends it next time (going offline loses nothing)', async () => {
    const folder = new FlakyFolder();
    const a = device('00000000000000aa');
    a.put('annotations', { id: 'h1', note: 'written offline' });
    await expect(syncOnce(folder, a, { key, syncId: SYNC_ID })).rejects.toThrow('offline');
    expect(a.meta.outbox).toHaveLength(1);
    a.put('annotations', { id: 'h2', note: 'also offline' });
    folder.failing = false;
    expect((await syncOnce(folder, a, { key, syncId: SYNC_ID })).sent).toBe(2);
    const b = device('00000000000000bb');
    await syncOnce(folder, b, { key, syncId: SYNC_ID });
    expect([...b.tables.get('annotations')!.values()].map((r) => r.note).sort()).toEqual(['also offline', 'written offline']);
  });

  it('changes nothing here when a file on the server is damaged', async () => {
    const folder = new MemoryFolder();
    const a = device('00000000000000aa');
    a.put('annotations', { id: 'h1', note: 'one' });
    await syncOnce(folder, a, { key, syncId: SYNC_ID });
    const [name] = [...folder.files.keys()];
    folder.files.set(name, { bytes: await seal(key, 'another-name', new Uint8Array([1, 2, 3])), etag: '"x"' });
    const b = device('00000000000000bb');
    b.put('annotations', { id: 'h9', note: 'mine' });
    await expect(syncOnce(folder, b, { key, syncId: SYNC_ID })).rejects.toMatchObject({ code: 'damaged' });
    expect([...b.tables.get('annotations')!.values()]).toEqual([{ id: 'h9', note: 'mine' }]);
    expect(b.meta.outbox).toEqual([]);
    expect(b.replicaRecords.size).toBe(0);
  });

  it('folds change files into a snapshot that a new device reads, and deletes the files it covers', async () => {
    const folder = new MemoryFolder();
    const a = device('00000000000000aa');
    for (let i = 0; i < 5; i++) {
      a.put('annotations', { id: `h${i}`, note: `note ${i}` });
      await syncOnce(folder, a, { key, syncId: SYNC_ID, compactAfter: 3 });
    }
    expect([...folder.files.keys()].filter((name) => name !== 'snapshot').length).toBeLessThanOrEqual(3);
    expect(folder.files.has('snapshot')).toBe(true);
    const fresh = device('00000000000000cc');
    await syncOnce(folder, fresh, { key, syncId: SYNC_ID });
    expect(fresh.tables.get('annotations')!.size).toBe(5);
  });

  it('a device that meets a folder started over sends everything it has into the new snapshot', async () => {
    const folder = new MemoryFolder();
    const a = device('00000000000000aa');
    const b = device('00000000000000bb');
    a.put('annotations', { id: 'h1', note: 'from A' });
    await syncOnce(folder, a, { key, syncId: SYNC_ID });
    await syncOnce(folder, b, { key, syncId: SYNC_ID });
    b.put('annotations', { id: 'h2', note: 'from B' });
    await syncOnce(folder, b, { key, syncId: SYNC_ID });
    // A starts over under a new folder id before it has seen h2.
    folder.files.clear();
    await syncOnce(folder, a, { key, syncId: 'fedcba9876543210', compactNow: true });
    await syncOnce(folder, b, { key, syncId: 'fedcba9876543210' });
    await syncOnce(folder, a, { key, syncId: 'fedcba9876543210' });
    expect([...a.tables.get('annotations')!.keys()].sort()).toEqual(['h1', 'h2']);
  });
});
