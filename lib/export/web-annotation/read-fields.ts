/**
 * Checked reads of untrusted JSON values for the backup parser. Each read either returns a value of
 * the promised type or throws a BackupProblem naming the place and the field; parseBackup turns that
 * into its answer, so no bad file ever escapes as an exception.
 */
import { checkText, checkTimestamp, fail, own, type JsonObject, type TextRules } from '../../storage/record-rules';

/**
 * The checks shared with messages live in lib/storage/record-rules.ts, so a record that arrives by
 * import and one that arrives by message meet the same limits. A backup's problem is a RecordProblem.
 */
export {
  RecordProblem as BackupProblem, checkOffset, checkPageUrl, checkText, checkTimestamp, fail, isObject, own,
  readObject, type JsonObject, type TextRules,
} from '../../storage/record-rules';

const count = (n: number): string => n.toLocaleString('en-US');

export function readArray(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(`${what} is not a list.`);
  if (value.length > max) fail(`${what} holds ${count(value.length)} entries; a backup may hold at most ${count(max)}.`);
  return value;
}

export function readText(object: JsonObject, key: string, place: string, rules: TextRules): string {
  const value = own(object, key);
  if (value === undefined) fail(`${place} has no ${key}.`);
  return checkText(value, `${place}: ${key}`, rules);
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

/** Milliseconds since 1970, as records keep them. */
export function readTimestamp(object: JsonObject, key: string, place: string): number {
  return checkTimestamp(own(object, key), `${place}: ${key}`);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with a zone, as W3C annotations give `created` and `modified`; in ms. */
export function checkIsoTime(value: unknown, what: string): number {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) fail(`${what} must be a date and time such as 2024-05-01T12:00:00.000Z.`);
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : fail(`${what} is not a real date after 1970.`);
}

/** A list of bounded texts, each at most `max` long. */
export function readTextList(object: JsonObject, key: string, place: string, limits: { entries: number; max: number }): string[] {
  const value = own(object, key);
  if (!Array.isArray(value)) fail(`${place}: ${key} must be a list of texts.`);
  if (value.length > limits.entries) fail(`${place}: ${key} has more than ${count(limits.entries)} entries.`);
  return value.map((entry, i) => checkText(entry, `${place}: ${key} entry ${i + 1}`, { max: limits.max, nonEmpty: true }));
}
