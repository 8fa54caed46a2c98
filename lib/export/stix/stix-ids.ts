/**
 * Deterministic STIX identifiers and timestamps, so exporting the same records twice gives the same
 * file and a tool that imports both sees one object, not two.
 */
import { v5 as uuidV5 } from 'uuid';

/**
 * Gloss's UUIDv5 namespace for STIX ids, generated once (random v4) for this purpose. Never change
 * it: every id Gloss has ever exported derives from it.
 */
export const GLOSS_STIX_NAMESPACE = '1adaa916-8f50-4d4e-afab-905f742bc15b';

const utf8 = new TextEncoder();

/**
 * `<type>--<UUIDv5 of name>`. The name is encoded here (lone surrogates become U+FFFD) because the
 * uuid package's own string encoding throws on them, and names come from page text.
 */
export function stixId(type: string, name: string): string {
  return `${type}--${uuidV5(utf8.encode(name), GLOSS_STIX_NAMESPACE)}`;
}

// The range toISOString writes as four-digit years, which STIX timestamps require.
const EARLIEST = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** A STIX timestamp (UTC, millisecond precision) for epoch milliseconds; broken values read as 0. */
export function stixTimestamp(epochMs: number): string {
  const ms = Number.isFinite(epochMs) ? Math.min(Math.max(Math.trunc(epochMs), EARLIEST), LATEST) : 0;
  return new Date(ms).toISOString();
}

/**
 * `created` from the earliest of `createdMs`, `modified` from the latest of `changedMs`, never before
 * `created` (STIX requires modified ≥ created). Non-numbers are ignored.
 */
export function stixTimes(createdMs: readonly number[], changedMs: readonly number[]): { created: string; modified: string } {
  const earliest = createdMs.reduce((min, t) => (Number.isFinite(t) && t < min ? t : min), Infinity);
  const latest = changedMs.reduce((max, t) => (Number.isFinite(t) && t > max ? t : max), -Infinity);
  const created = stixTimestamp(earliest);
  const modified = stixTimestamp(latest);
  // Four-digit-year ISO timestamps order as text.
  return { created, modified: modified > created ? modified : created };
}
