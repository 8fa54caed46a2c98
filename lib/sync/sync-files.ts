/**
 * What the sync folder holds, and the plain form of each file before compression and encryption.
 * - `gloss-key`: the key file (sync-crypto.ts), the only file not encrypted; it holds no user data.
 * - `<device>-<seq>`: one device's changes from one sync, `seq` counting from 1 per device. Devices only
 *   ever add their own; nothing else is ever written under that name.
 * - `snapshot`: every record with every field's stamp, and which changes of each device it holds
 *   (`covers`); replaced only with a conditional request. Change files it covers are then deleted.
 * Names carry a random device id and a number, nothing about what is inside.
 */
import { gunzipSync, gzipSync } from 'fflate';
import * as v from 'valibot';
import { DEVICE_ID, isStamp } from './hybrid-clock';
import type { FieldState, RecordChange, ReplicaRecord } from './replica-record';
import { open, seal } from './sync-crypto';
import { SyncProblem } from './sync-problem';

export const SNAPSHOT_FILE = 'snapshot';
const CHANGE_FILE = /^([0-9a-f]{16})-(\d{10})$/;

export const changeFileName = (device: string, seq: number): string => `${device}-${String(seq).padStart(10, '0')}`;

export function parseChangeFileName(name: string): { device: string; seq: number } | null {
  const match = CHANGE_FILE.exec(name);
  return match ? { device: match[1], seq: Number(match[2]) } : null;
}

export interface ChangeBatch {
  kind: 'changes';
  device: string;
  seq: number;
  changes: RecordChange[];
}

/** On the wire a field is [stamp, value], or [stamp] when absent. */
type WireField = [string, unknown] | [string];
export interface Snapshot {
  kind: 'snapshot';
  covers: Record<string, number>;
  records: ReplicaRecord[];
}

const stamp = v.custom<string>(isStamp, 'not a stamp');
const name = v.pipe(v.string(), v.maxLength(200));
const CHANGE = v.object({
  table: name,
  key: v.pipe(v.string(), v.maxLength(20_000)),
  stamp,
  set: v.record(name, v.unknown()),
  unset: v.optional(v.array(name)),
});
const BATCH = v.object({
  kind: v.literal('changes'),
  device: v.pipe(v.string(), v.regex(DEVICE_ID)),
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  changes: v.array(CHANGE),
});
const WIRE_RECORD = v.tuple([
  name,
  v.pipe(v.string(), v.maxLength(20_000)),
  v.record(name, v.union([v.strictTuple([stamp]), v.strictTuple([stamp, v.unknown()])])),
]);
const SNAPSHOT = v.object({
  kind: v.literal('snapshot'),
  covers: v.record(v.pipe(v.string(), v.regex(DEVICE_ID)), v.pipe(v.number(), v.integer(), v.minValue(0))),
  records: v.array(WIRE_RECORD),
});

function toWire(record: ReplicaRecord): [string, string, Record<string, WireField>] {
  const fields: Record<string, WireField> = {};
  for (const [field, state] of Object.entries(record.fields)) fields[field] = state.absent ? [state.stamp] : [state.stamp, state.value];
  return [record.table, record.key, fields];
}

function fromWire([table, key, wire]: [string, string, Record<string, WireField>]): ReplicaRecord {
  const fields: Record<string, FieldState> = {};
  for (const [field, entry] of Object.entries(wire))
    fields[field] = entry.length === 1 ? { absent: true, stamp: entry[0] } : { value: entry[1], stamp: entry[0] };
  return { table, key, fields };
}

async function pack(key: CryptoKey, fileName: string, value: unknown): Promise<Uint8Array> {
  return seal(key, fileName, gzipSync(new TextEncoder().encode(JSON.stringify(value)), { level: 6 }));
}

async function unpack<T>(key: CryptoKey, fileName: string, bytes: Uint8Array, schema: v.GenericSchema<unknown, T>): Promise<T> {
  const plain = await open(key, fileName, bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(gunzipSync(plain)));
  } catch {
    throw new SyncProblem('damaged', `The sync file "${fileName}" on the server could not be read. Nothing was changed here.`);
  }
  const result = v.safeParse(schema, parsed);
  if (!result.success)
    throw new SyncProblem(
      'damaged',
      `The sync file "${fileName}" on the server is not in the form Gloss writes. Nothing was changed here.`,
    );
  return result.output;
}

export const packChanges = (key: CryptoKey, batch: ChangeBatch): Promise<Uint8Array> =>
  pack(key, changeFileName(batch.device, batch.seq), batch);

export async function unpackChanges(key: CryptoKey, fileName: string, bytes: Uint8Array): Promise<ChangeBatch> {
  const batch = (await unpack(key, fileName, bytes, BATCH)) as ChangeBatch;
  if (changeFileName(batch.device, batch.seq) !== fileName) {
    throw new SyncProblem('damaged', `The sync file "${fileName}" holds another file's changes. Nothing was changed here.`);
  }
  return batch;
}

export const packSnapshot = (key: CryptoKey, snapshot: Snapshot): Promise<Uint8Array> =>
  pack(key, SNAPSHOT_FILE, { kind: 'snapshot', covers: snapshot.covers, records: snapshot.records.map(toWire) });

export async function unpackSnapshot(key: CryptoKey, bytes: Uint8Array): Promise<Snapshot> {
  const wire = await unpack(key, SNAPSHOT_FILE, bytes, SNAPSHOT);
  return {
    kind: 'snapshot',
    covers: wire.covers,
    records: wire.records.map((record) => fromWire(record as [string, string, Record<string, WireField>])),
  };
}
