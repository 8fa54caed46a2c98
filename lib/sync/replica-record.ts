/**
 * The synced form of one record: every field with the stamp of the change that last set it (a
 * last-writer-wins register per field). Two devices that edit different fields of one highlight (the note
 * on one, the colour on the other) both keep their edit; the same field takes the newest stamp, and the
 * device id inside the stamp breaks ties. Deletion is a field too (`$deleted`), a tombstone that stays on
 * the server, so a device that was away still learns of it; a record made again later (undo) sets it
 * back to false with a newer stamp.
 *
 * Records are carried generically, field by field, whatever their table: a field added to a record type
 * later syncs without a change here. What a device may write into its database is checked against the
 * record schemas when the record is materialised (lib/sync/sync-tables.ts).
 */
import type { Stamp } from './hybrid-clock';

export const DELETED = '$deleted';

/** One field: its value, or absent (an optional field the record does not have), and who set it when. */
export interface FieldState {
  value?: unknown;
  absent?: true;
  stamp: Stamp;
}

export interface ReplicaRecord {
  table: string;
  key: string;
  fields: Record<string, FieldState>;
}

/** One device's change to one record: the fields it set (absent ones in `unset`), all under one stamp. */
export interface RecordChange {
  table: string;
  key: string;
  stamp: Stamp;
  set: Record<string, unknown>;
  unset?: string[];
}

/** How records are found in maps: table and key (a NUL appears in neither). */
export const recordId = (table: string, key: string): string => `${table}\u0000${key}`;

/** Structural equality for JSON-like values (what records are made of); key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]));
}

/** Merges one field: the newer stamp wins; equal stamps carry the same value (one device, one change). */
function mergeField(current: FieldState | undefined, incoming: FieldState): FieldState | undefined {
  return current === undefined || incoming.stamp > current.stamp ? incoming : undefined;
}

/** Applies a change to a record (made when missing); returns whether anything changed. Idempotent, commutative. */
export function applyChange(record: ReplicaRecord, change: RecordChange): boolean {
  let changed = false;
  for (const [name, value] of Object.entries(change.set)) {
    const won = mergeField(record.fields[name], { value, stamp: change.stamp });
    if (won) {
      record.fields[name] = won;
      changed = true;
    }
  }
  for (const name of change.unset ?? []) {
    const won = mergeField(record.fields[name], { absent: true, stamp: change.stamp });
    if (won) {
      record.fields[name] = won;
      changed = true;
    }
  }
  return changed;
}

/** Merges another replica's whole record (from a snapshot) into this one, field by field. */
export function mergeRecord(record: ReplicaRecord, other: ReplicaRecord): boolean {
  let changed = false;
  for (const [name, field] of Object.entries(other.fields)) {
    const won = mergeField(record.fields[name], field);
    if (won) {
      record.fields[name] = won;
      changed = true;
    }
  }
  return changed;
}

export const emptyRecord = (table: string, key: string): ReplicaRecord => ({ table, key, fields: {} });

/** The record a replica stands for, or null when it is deleted (or never had a value). */
export function materialise(record: ReplicaRecord | undefined): Record<string, unknown> | null {
  if (record === undefined || record.fields[DELETED]?.value === true) return null;
  const result: Record<string, unknown> = {};
  let any = false;
  for (const [name, field] of Object.entries(record.fields)) {
    if (name === DELETED || field.absent) continue;
    result[name] = field.value;
    any = true;
  }
  return any ? result : null;
}

/**
 * The change that takes a replica from what it stands for to `current` (a record as the database holds
 * it now, or undefined when it was deleted), or null when they agree. Only fields that differ are set.
 */
export function localChange(
  table: string,
  key: string,
  replica: ReplicaRecord | undefined,
  current: Record<string, unknown> | undefined,
  stamp: () => Stamp,
): RecordChange | null {
  const deleted = replica?.fields[DELETED]?.value === true;
  if (current === undefined) {
    return replica === undefined || deleted || materialise(replica) === null
      ? null
      : { table, key, stamp: stamp(), set: { [DELETED]: true } };
  }
  // Compared with the fields the replica holds even when deleted: a record made again sets only what differs.
  const known = materialise({ table, key, fields: { ...replica?.fields, [DELETED]: { value: false, stamp: '' } } }) ?? {};
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [name, value] of Object.entries(current)) {
    if (value === undefined || name === DELETED) continue;
    if (!Object.hasOwn(known, name) || !sameValue(known[name], value)) set[name] = value;
  }
  for (const name of Object.keys(known)) {
    if (current[name] === undefined) unset.push(name);
  }
  if (deleted) set[DELETED] = false;
  if (Object.keys(set).length === 0 && unset.length === 0) return null;
  return { table, key, stamp: stamp(), set, ...(unset.length > 0 && { unset }) };
}
