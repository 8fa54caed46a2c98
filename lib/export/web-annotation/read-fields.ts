/**
 * Checked reads of untrusted JSON values for the backup parser. Each read either returns a value of
 * the promised type or throws a BackupProblem naming the place and the field; parseBackup turns that
 * into its answer, so no bad file ever escapes as an exception.
 */
import { normalizePageUrl } from '../../url/normalize-url';

export class BackupProblem extends Error {}

export function fail(message: string): never {
  throw new BackupProblem(message);
}

export type JsonObject = Record<string, unknown>;

export const MAX_URL_LENGTH = 8_192;
/** Date's range: ±8.64e15 ms around 1970. Timestamps before 1970 are not Gloss's. */
const MAX_TIME = 8.64e15;

const count = (n: number): string => n.toLocaleString('en-US');

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A field the object itself holds: inherited names ("constructor", "toString") read as absent, and a
 * "__proto__" key stays an inert own property that nothing ever copies into a live object.
 */
export function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

export function readObject(value: unknown, place: string): JsonObject {
  return isObject(value) ? value : fail(`${place} is not an object.`);
}

export function readArray(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(`${what} is not a list.`);
  if (value.length > max) fail(`${what} holds ${count(value.length)} entries; a backup may hold at most ${count(max)}.`);
  return value;
}

export interface TextRules {
  max: number;
  /** Empty text is refused (names, quotes). */
  nonEmpty?: boolean;
}

export function readText(object: JsonObject, key: string, place: string, rules: TextRules): string {
  const value = own(object, key);
  if (value === undefined) fail(`${place} has no ${key}.`);
  return checkText(value, `${place}: ${key}`, rules);
}

export function checkText(value: unknown, what: string, rules: TextRules): string {
  if (typeof value !== 'string') fail(`${what} must be text.`);
  if (value.length > rules.max) fail(`${what} is longer than ${count(rules.max)} characters.`);
  if (rules.nonEmpty && value.trim() === '') fail(`${what} is empty.`);
  return value;
}

/** Text or null; `optional` also allows the field to be absent (returned as undefined). */
export function readNullableText(object: JsonObject, key: string, place: string, max: number, optional: boolean): string | null | undefined {
  const value = own(object, key);
  if (value === undefined && optional) return undefined;
  if (value === null) return null;
  if (value === undefined) fail(`${place} has no ${key}.`);
  return checkText(value, `${place}: ${key}`, { max });
}

export function readBoolean(object: JsonObject, key: string, place: string): boolean {
  const value = own(object, key);
  return typeof value === 'boolean' ? value : fail(`${place}: ${key} must be true or false.`);
}

/** A whole, non-negative number of UTF-16 code units. */
export function checkOffset(value: unknown, what: string): number {
  return Number.isSafeInteger(value) && (value as number) >= 0
    ? (value as number)
    : fail(`${what} must be a whole number, zero or more.`);
}

/** Milliseconds since 1970, as records keep them. */
export function readTimestamp(object: JsonObject, key: string, place: string): number {
  const value = own(object, key);
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > MAX_TIME) {
    fail(`${place}: ${key} must be a time in milliseconds since 1970.`);
  }
  return value as number;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with a zone, as W3C annotations give `created` and `modified`; in ms. */
export function checkIsoTime(value: unknown, what: string): number {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) fail(`${what} must be a date and time such as 2024-05-01T12:00:00.000Z.`);
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : fail(`${what} is not a real date after 1970.`);
}

/**
 * A page address Gloss can keep: http or https, parseable, of bounded length. Returns it in the
 * normalised form pages are filed under; `mustBeNormal` refuses any other spelling (Gloss's own records
 * are always normalised, and entity-tag ids are built from the address as written).
 */
export function checkPageUrl(value: unknown, what: string, mustBeNormal: boolean): string {
  if (typeof value !== 'string') fail(`${what} must be a web address.`);
  if (value.length > MAX_URL_LENGTH) fail(`${what} is longer than ${count(MAX_URL_LENGTH)} characters.`);
  const normal = normalizePageUrl(value);
  if (normal === null) fail(`${what} is not a web address.`);
  if (!/^https?:\/\//.test(normal)) fail(`${what} is not an http or https address.`);
  if (mustBeNormal && normal !== value) fail(`${what} is not in the normalised form Gloss files pages under.`);
  return normal;
}

/** A list of bounded texts, each at most `max` long. */
export function readTextList(object: JsonObject, key: string, place: string, limits: { entries: number; max: number }): string[] {
  const value = own(object, key);
  if (!Array.isArray(value)) fail(`${place}: ${key} must be a list of texts.`);
  if (value.length > limits.entries) fail(`${place}: ${key} has more than ${count(limits.entries)} entries.`);
  return value.map((entry, i) => checkText(entry, `${place}: ${key} entry ${i + 1}`, { max: limits.max, nonEmpty: true }));
}
