/**
 * Checked reads of the parts of a backup that are no record (the collection, the W3C envelope around a
 * highlight). Records themselves are parsed with the schemas the stores write by
 * (lib/storage/record-schemas.ts). Each read either returns a value of the promised type or throws a
 * BackupProblem naming the place and the field; parseBackup turns that into its answer.
 */
import { fail } from '../storage/record-rules';

/**
 * The checks shared with messages live in lib/storage/record-rules.ts, so a record that arrives by
 * import and one that arrives by message meet the same limits. A backup's problem is a RecordProblem.
 */
export {
  RecordProblem as BackupProblem,
  checkOffset,
  checkPageUrl,
  checkText,
  checkTimestamp,
  fail,
  isObject,
  own,
  readObject,
  type JsonObject,
  type TextRules,
} from '../storage/record-rules';

const count = (n: number): string => n.toLocaleString('en-US');

export function readArray(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(`${what} is not a list.`);
  if (value.length > max) fail(`${what} holds ${count(value.length)} entries; a backup may hold at most ${count(max)}.`);
  return value;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with a zone, as W3C annotations give `created` and `modified`; in ms. */
export function checkIsoTime(value: unknown, what: string): number {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) fail(`${what} must be a date and time such as 2024-05-01T12:00:00.000Z.`);
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : fail(`${what} is not a real date after 1970.`);
}
