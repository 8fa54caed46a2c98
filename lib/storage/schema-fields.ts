/**
 * Building blocks for the record schemas (record-schemas.ts), on valibot. Every message is written as the
 * tail of a sentence that starts with where the value is ("Page 3", "Annotation 12 target"):
 * `: title must be text.` or ` has no TextQuoteSelector.`. parseRecord puts the two together and throws a
 * RecordProblem, so one check gives the same words whether a record arrives by import, by message or is
 * about to be written by the store.
 */
import * as v from 'valibot';

/** A value that breaks the rules; the message says which value and how. */
export class RecordProblem extends Error {
  override name = 'RecordProblem';
}

export function fail(message: string): never {
  throw new RecordProblem(message);
}

export const count = (n: number): string => n.toLocaleString('en-US');

/** Date's range: ±8.64e15 ms around 1970. Timestamps before 1970 are not Gloss's. */
export const MAX_TIME = 8.64e15;

// Valibot's own types, loosened to "any schema", "any issue".
export type AnySchema = v.GenericSchema<unknown, unknown, v.BaseIssue<unknown>>;
type Issue = v.BaseIssue<unknown>;

/** The position of the list entry an issue is about, counted from 1, for messages holding `{n}`. */
function entryNumber(issue: Issue): string {
  const index = [...(issue.path ?? [])].reverse().find((item) => typeof item.key === 'number')?.key;
  return typeof index === 'number' ? String(index + 1) : '?';
}

/** The checked copy of `value` (only the fields the schema knows), or a RecordProblem naming `place`. */
export function parseRecord<T>(schema: v.GenericSchema<unknown, T, Issue>, value: unknown, place: string): T {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new RecordProblem(`${place}${issue.message.replace('{n}', entryNumber(issue))}`);
}

/** Whether `value` meets the schema, without a message. */
export function meets(schema: AnySchema, value: unknown): boolean {
  return v.safeParse(schema, value, { abortEarly: true }).success;
}

/**
 * An object of the given fields: unknown fields are left out of the copy. A missing field reads as one
 * set to undefined, so it gets that field's own words ("has no siteName", "color must be one of …").
 */
export function record<const E extends v.ObjectEntries>(entries: E, notObject: string | ((input: unknown) => string)) {
  const otherwise = (input: unknown) => (typeof notObject === 'string' ? notObject : notObject(input));
  // Valibot takes an array for an object; a record never is one.
  const notArray = v.custom<unknown>(
    (input) => !Array.isArray(input),
    (issue) => otherwise(issue.input),
  );
  return v.pipe(
    notArray,
    v.object(entries, (issue) => {
      const key = issue.path?.[0]?.key;
      if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(entries, key)) return otherwise(issue.input);
      const missing = v.safeParse(entries[key] as AnySchema, undefined);
      return missing.success ? otherwise(issue.input) : missing.issues[0].message;
    }),
  );
}

export interface TextRules {
  max: number;
  /** Empty text (or only spaces) is refused: names, quotes, ids. */
  nonEmpty?: boolean;
  /** The words when the field is absent: "has no title" rather than "title must be text". */
  absent?: string;
}

/** Text of at most `max` UTF-16 code units; `label` is how messages name the field (": label …"). */
export function text(label: string, rules: TextRules) {
  const notText = (issue: Issue) => (issue.input === undefined && rules.absent ? rules.absent : `${label} must be text.`);
  return v.pipe(
    v.string(notText),
    v.maxLength(rules.max, `${label} is longer than ${count(rules.max)} characters.`),
    v.check((value: string) => !rules.nonEmpty || value.trim() !== '', `${label} is empty.`),
  );
}

/** Milliseconds since 1970, as records keep them. */
export function timestamp(label: string) {
  const message = `${label} must be a time in milliseconds since 1970.`;
  return v.pipe(v.number(message), v.safeInteger(message), v.minValue(0, message), v.maxValue(MAX_TIME, message));
}

/** A whole, non-negative number of UTF-16 code units. */
export function offset(label: string) {
  const message = `${label} must be a whole number, zero or more.`;
  return v.pipe(v.number(message), v.safeInteger(message), v.minValue(0, message));
}

export function flag(label: string) {
  return v.boolean(`${label} must be true or false.`);
}

/** A list of at most `entries` texts, each non-empty and at most `max` long. */
export function textList(label: string, limits: { entries: number; max: number }) {
  return v.pipe(
    v.array(text(`${label} entry {n}`, { max: limits.max, nonEmpty: true }), `${label} must be a list of texts.`),
    v.maxLength(limits.entries, `${label} has more than ${count(limits.entries)} entries.`),
  );
}

/** Half of a UTF-16 surrogate pair with no other half: no UTF-8 can hold it (encodeURIComponent throws). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text that is well-formed UTF-16, for values written into IRIs (ids). */
export function wellFormed(label: string) {
  return v.check((value: string) => !LONE_SURROGATE.test(value), `${label} holds a broken character (half of a surrogate pair).`);
}
