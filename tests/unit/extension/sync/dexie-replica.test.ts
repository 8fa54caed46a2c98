import 'fake-indexeddb/auto';
import { describe, expect, it, beforeAll } from 'vitest';
import { GlossDatabase } from '@/lib/storage/database';
import type { AnnotationRecord } from '@/lib/storage/records';
import { deriveKey } from '@/lib/sync/sync-crypto';
import { syncOnce } from '@/lib/sync/sync-engine';
import { DexieReplica } from '@/extension/sync/dexie-replica';
import { MemoryFolder } from '../../sync/memory-folder';
import { clearPick, picksForPage, savePick } from '@/lib/storage/alias-pick-store';

const PAGE = { url: 'https://news.example/storm-1152', title: 'Storm-1152', siteName: 'News', createdAt: 1, updatedAt: 2 };
const ANNOTATION: AnnotationRecord = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  pageUrl: PAGE.url,
  target: {
    quote: { type: 'TextQuoteSelector' as const, exact: 'Storm-1152', prefix: 'by ', suffix: ' sold' },
    position: { type: 'TextPositionSelector' as const, start: 10, end: 20 },
  },
  color: 'green',
  note: 'a note',
  tags: ['apt'],
  createdAt: 1,
  updatedAt: 2,
};

let key: CryptoKey;
beforeAll(async () => {
  key = await deriveKey('passphrase', new Uint8Array(16));
});

let n = 0;
const freshDb = () => new GlossDatabase(`sync-test-${++n}-${Date.now()}`);

describe('DexieReplica', () => {
  it('syncs two databases through a folder: create, edit, delete', async () => {
    const folder = new MemoryFolder();
    const dbA = freshDb();
    const dbB = freshDb();
    const a = new DexieReplica(dbA);
    const b = new DexieReplica(dbB);
    const options = { key, syncId: '0123456789abcdef' };
    await dbA.pages.put(PAGE);
    await dbA.annotations.put(ANNOTATION);
    expect((await syncOnce(folder, a, options)).sent).toBe(2);
    const received = await syncOnce(folder, b, options);
    expect(received.written).toHaveLength(2);
    expect(await dbB.annotations.toArray()).toEqual([ANNOTATION]);
    await dbB.annotations.update(ANNOTATION.id, { note: 'edited on B' });
    await syncOnce(folder, b, options);
    await syncOnce(folder, a, options);
    expect((await dbA.annotations.get(ANNOTATION.id))?.note).toBe('edited on B');
    await dbA.annotations.delete(ANNOTATION.id);
    await syncOnce(folder, a, options);
    await syncOnce(folder, b, options);
    expect(await dbB.annotations.toArray()).toEqual([]);
    expect(await dbB.pages.toArray()).toEqual([PAGE]);
  });

  it('syncs alias picks like verdicts: a pick made on one device holds on the other, and so does clearing it', async () => {
    const folder = new MemoryFolder();
    const dbA = freshDb();
    const dbB = freshDb();
    const a = new DexieReplica(dbA);
    const b = new DexieReplica(dbB);
    const options = { key, syncId: '0123456789abcdef' };
    await savePick(dbA, PAGE.url, { name: 'Grizzly Steppe', actor: 'APT29', scope: 'page' }, PAGE, 10);
    await savePick(dbA, PAGE.url, { name: 'Charming Kitten', actor: 'Magic Hound', scope: 'everywhere' }, PAGE, 11);
    await syncOnce(folder, a, options);
    await syncOnce(folder, b, options);
    expect(await dbB.aliasPicks.toArray()).toEqual(await dbA.aliasPicks.toArray());
    expect(await picksForPage(dbB, PAGE.url)).toEqual([
      { name: 'Charming Kitten', actor: 'Magic Hound', scope: 'everywhere' },
      { name: 'Grizzly Steppe', actor: 'APT29', scope: 'page' },
    ]);
    await clearPick(dbB, PAGE.url, 'Grizzly Steppe', 'page');
    await syncOnce(folder, b, options);
    await syncOnce(folder, a, options);
    expect(await picksForPage(dbA, PAGE.url)).toEqual([{ name: 'Charming Kitten', actor: 'Magic Hound', scope: 'everywhere' }]);
  });

  it('refuses a record from another device that breaks the rules, and does not take its absence for a deletion', async () => {
    const folder = new MemoryFolder();
    const dbA = freshDb();
    const dbB = freshDb();
    const options = { key, syncId: '0123456789abcdef' };
    await dbA.annotations.put({ ...ANNOTATION, color: 'ultraviolet' as 'green' });
    await syncOnce(folder, new DexieReplica(dbA), options);
    const b = new DexieReplica(dbB);
    const outcome = await syncOnce(folder, b, options);
    expect(outcome.refused).toBe(1);
    expect(await dbB.annotations.count()).toBe(0);
    expect((await syncOnce(folder, b, options)).sent).toBe(0);
  });

  it('after a restart, sends what the persisted note names without comparing every record; a full comparison finds the rest', async () => {
    const folder = new MemoryFolder();
    const name = `sync-restart-${Date.now()}`;
    const options = { key, syncId: '0123456789abcdef' };
    const db = new GlossDatabase(name);
    const first = new DexieReplica(db);
    await db.pages.put(PAGE);
    await db.annotations.put(ANNOTATION);
    await syncOnce(folder, first, options);
    await db.annotations.update(ANNOTATION.id, { note: 'noted before the restart' });
    await first.noted();
    // Another connection writes without the replica's hooks: only a full comparison can see it.
    const unhooked = new GlossDatabase(name);
    await unhooked.pages.update(PAGE.url, { title: 'Changed out of sight' });
    unhooked.close();

    const restarted = new DexieReplica(db);
    const outcome = await syncOnce(folder, restarted, options);
    expect(outcome.sent).toBe(1);
    restarted.markAllChanged();
    expect((await syncOnce(folder, restarted, options)).sent).toBe(1);
    const other = new DexieReplica(freshDb());
    await syncOnce(folder, other, options);
    expect(await syncOnce(folder, other, options)).toMatchObject({ sent: 0 });
  });
});
