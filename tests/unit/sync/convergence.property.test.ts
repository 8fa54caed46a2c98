/**
 * Convergence: devices that edit, delete, re-create and rename tags in any interleaving with syncs (and
 * with the change files folded into snapshots along the way) end with identical records once each has
 * synced twice more, and those records are what applying every change in one order gives.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryReplica } from '@/lib/sync/memory-replica';
import { applyChange, emptyRecord, materialise, recordId, type RecordChange, type ReplicaRecord } from '@/lib/sync/replica-record';
import { deriveKey } from '@/lib/sync/sync-crypto';
import { syncOnce } from '@/lib/sync/sync-engine';
import { parseChangeFileName, unpackChanges } from '@/lib/sync/sync-files';
import { MemoryFolder } from './memory-folder';

const IDS = ['h1', 'h2', 'h3', 'h4'];
// Ten letters or more: the check that the server holds no readable tag must not fail on a ciphertext that
// happens to spell one (CI once found "apt" in a random blob; ten letters by chance is about 1 in 10^24).
const TAGS = ['aptcampaign', 'phishingwave', 'ddosbotnet', 'fraudrings'];
const COLORS = ['yellow', 'green', 'blue'];
const DEVICES = ['000000000000000a', '000000000000000b', '000000000000000c'];
const SYNC_ID = '0123456789abcdef';

type Op =
  | { kind: 'create'; device: number; id: string; note: string; color: string; tags: string[] }
  | { kind: 'note'; device: number; id: string; note: string }
  | { kind: 'color'; device: number; id: string; color: string }
  | { kind: 'tags'; device: number; id: string; tags: string[] }
  | { kind: 'delete'; device: number; id: string }
  | { kind: 'rename-tag'; device: number; from: string; to: string }
  | { kind: 'sync'; device: number }
  | { kind: 'time'; ms: number };

const op = (devices: number): fc.Arbitrary<Op> => {
  const device = fc.integer({ min: 0, max: devices - 1 });
  const id = fc.constantFrom(...IDS);
  const tags = fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 });
  return fc.oneof(
    fc.record({
      kind: fc.constant('create' as const),
      device,
      id,
      note: fc.string({ maxLength: 6 }),
      color: fc.constantFrom(...COLORS),
      tags,
    }),
    fc.record({ kind: fc.constant('note' as const), device, id, note: fc.string({ maxLength: 6 }) }),
    fc.record({ kind: fc.constant('color' as const), device, id, color: fc.constantFrom(...COLORS) }),
    fc.record({ kind: fc.constant('tags' as const), device, id, tags }),
    fc.record({ kind: fc.constant('delete' as const), device, id }),
    fc.record({
      kind: fc.constant('rename-tag' as const),
      device,
      from: fc.constantFrom(...TAGS),
      to: fc.constantFrom(...TAGS, 'renamed'),
    }),
    fc.record({ kind: fc.constant('sync' as const), device }),
    fc.record({ kind: fc.constant('sync' as const), device }),
    fc.record({ kind: fc.constant('time' as const), ms: fc.integer({ min: 0, max: 5 }) }),
  );
};

let key: CryptoKey;
beforeAll(async () => {
  key = await deriveKey('correct horse battery staple', new Uint8Array(16));
});

/** Every change any device sent, read back from the files as they are written. */
class RecordingFolder extends MemoryFolder {
  readonly sent: RecordChange[] = [];
  override async put(name: string, bytes: Uint8Array, condition: { ifMatch: string } | { ifNoneMatch: '*' }) {
    await super.put(name, bytes, condition);
    if (parseChangeFileName(name)) this.sent.push(...(await unpackChanges(key, name, bytes)).changes);
  }
}

function apply(device: MemoryReplica, step: Op): void {
  if (step.kind === 'sync' || step.kind === 'time') return;
  const rows = device.tables.get('annotations')!;
  const row = 'id' in step ? rows.get(step.id) : undefined;
  switch (step.kind) {
    case 'create':
      if (!row) device.put('annotations', { id: step.id, note: step.note, color: step.color, tags: step.tags });
      break;
    case 'note':
      if (row) device.put('annotations', { ...row, note: step.note });
      break;
    case 'color':
      if (row) device.put('annotations', { ...row, color: step.color });
      break;
    case 'tags':
      if (row) device.put('annotations', { ...row, tags: step.tags });
      break;
    case 'delete':
      if (row) device.delete('annotations', step.id);
      break;
    case 'rename-tag':
      for (const record of rows.values()) {
        const tags = record.tags as string[];
        if (tags.includes(step.from)) {
          const renamed = [...new Set(tags.map((tag) => (tag === step.from ? step.to : tag)))];
          device.put('annotations', { ...record, tags: renamed });
        }
      }
      break;
  }
}

const contents = (device: MemoryReplica) =>
  [...device.tables.get('annotations')!.values()].sort((a, b) => String(a.id).localeCompare(String(b.id)));

function replay(changes: RecordChange[]): Record<string, unknown>[] {
  const records = new Map<string, ReplicaRecord>();
  for (const change of changes) {
    const id = recordId(change.table, change.key);
    if (!records.has(id)) records.set(id, emptyRecord(change.table, change.key));
    applyChange(records.get(id)!, change);
  }
  return [...records.values()]
    .map(materialise)
    .filter((row) => row !== null)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

async function run(deviceCount: number, steps: Op[], skews: number[], order: number[]): Promise<void> {
  let time = 1_000_000;
  const folder = new RecordingFolder();
  const devices = DEVICES.slice(0, deviceCount).map((id) => new MemoryReplica({ annotations: (r) => String(r.id) }, id));
  const sync = (i: number) =>
    syncOnce(folder, devices[i], { key, syncId: SYNC_ID, now: () => time + skews[i], compactAfter: 3, changesPerFile: 2 });
  for (const step of steps) {
    if (step.kind === 'time') time += step.ms;
    else if (step.kind === 'sync') await sync(step.device);
    else apply(devices[step.device], step);
  }
  for (let round = 0; round < 2; round++) for (let i = 0; i < deviceCount; i++) await sync(i);
  const first = contents(devices[0]);
  for (const device of devices.slice(1)) expect(contents(device)).toEqual(first);
  // The same changes in one order (by stamp), and in another (any), give the same records.
  const byStamp = [...folder.sent].sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
  expect(replay(byStamp)).toEqual(first);
  const shuffled = order.map((i) => folder.sent[i % folder.sent.length]).filter(Boolean);
  expect(replay([...shuffled, ...folder.sent])).toEqual(first);
  // Nothing readable on the server.
  const serverText = folder.allText();
  for (const tag of TAGS) expect(serverText).not.toContain(tag);
}

describe('sync convergence', () => {
  it('two devices converge whatever the interleaving of edits, deletions, renames and syncs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op(2), { maxLength: 40 }),
        fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })),
        fc.array(fc.nat(), { maxLength: 30 }),
        (steps, skews, order) => run(2, steps, skews, order),
      ),
      { numRuns: 120 },
    );
  });

  it('three devices converge, with clocks that disagree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op(3), { maxLength: 50 }),
        fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (steps, skews, order) => run(3, steps, skews, order),
      ),
      { numRuns: 120 },
    );
  });

  it('keeps unrelated fields from concurrent edits: a note edited on one device and a colour on another both survive', async () => {
    const folder = new MemoryFolder();
    const a = new MemoryReplica({ annotations: (r) => String(r.id) }, DEVICES[0]);
    const b = new MemoryReplica({ annotations: (r) => String(r.id) }, DEVICES[1]);
    let time = 1_000;
    const sync = (device: MemoryReplica) => syncOnce(folder, device, { key, syncId: SYNC_ID, now: () => time });
    a.put('annotations', { id: 'h1', note: 'first', color: 'yellow', tags: [] });
    await sync(a);
    await sync(b);
    time += 10;
    a.put('annotations', { ...a.tables.get('annotations')!.get('h1')!, note: 'edited on A' });
    b.put('annotations', { ...b.tables.get('annotations')!.get('h1')!, color: 'green' });
    await sync(a);
    await sync(b);
    await sync(a);
    const expected = { id: 'h1', note: 'edited on A', color: 'green', tags: [] };
    expect(a.tables.get('annotations')!.get('h1')).toEqual(expected);
    expect(b.tables.get('annotations')!.get('h1')).toEqual(expected);
  });
});
