/**
 * The checks for every way a record reaches the database that the user did not type into Gloss's own
 * pages: a backup being imported (lib/backup) and a message from a content script
 * (extension/background). Each reads an untrusted value and either returns a fresh, well-typed copy
 * holding only the known fields, or throws a RecordProblem that names the place and the field
 * ("Annotation 3: TextQuoteSelector exact is empty."). The records' shapes and limits are the schemas
 * of record-schemas.ts, the same the stores check on write; the small readers here serve the parts of a
 * backup that are no record (the W3C envelope around one).
 */
import type { AnnotationTarget } from '../anchoring/types';
import type { AnnotationChanges } from './annotation-store';
import {
  ANNOTATION,
  ANNOTATION_CHANGES,
  ANNOTATION_ID,
  HIGHLIGHT_COLOR,
  MAX_URL_LENGTH,
  NOTE,
  TARGET,
  pageUrl,
  pageUrlProblem,
} from './record-schemas';
import type { AnnotationRecord, HighlightColor } from './records';
import { count, fail, offset, parseRecord, text, timestamp, type TextRules } from './schema-fields';
import { normalizePageUrl } from '../url/normalize-url';

export {
  MAX_ANNOTATION_ID,
  MAX_ANNOTATION_IRI,
  MAX_ELEMENT_PATH,
  MAX_NOTE,
  MAX_QUOTE,
  MAX_QUOTE_CONTEXT,
  MAX_URL_LENGTH,
} from './record-schemas';
export { RecordProblem, fail, type TextRules } from './schema-fields';

export type JsonObject = Record<string, unknown>;

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

// The checks below run once per field of every record of a backup: their schemas are made once.
const textSchemas = new Map<string, ReturnType<typeof text>>();
const ID = ANNOTATION_ID('');
const COLOR = HIGHLIGHT_COLOR('');
const NOTE_TEXT = NOTE('');
const PAGE_URL = pageUrl('');
const TIMESTAMP = timestamp('');
const OFFSET = offset('');

/** `value` as text within the rules; `what` names it in full ("Annotation 2: body 1 value"). */
export function checkText(value: unknown, what: string, rules: TextRules): string {
  const key = `${rules.max}/${rules.nonEmpty ?? false}/${rules.absent ?? ''}`;
  let schema = textSchemas.get(key);
  if (!schema) textSchemas.set(key, (schema = text('', rules)));
  return parseRecord(schema, value, what);
}

/** A whole, non-negative number of UTF-16 code units. */
export function checkOffset(value: unknown, what: string): number {
  return parseRecord(OFFSET, value, what);
}

/**
 * A page address Gloss can keep: http or https, parseable, of bounded length. Returns it in the
 * normalised form pages are filed under; `mustBeNormal` refuses any other spelling (Gloss's own records
 * are always normalised, and entity-tag ids are built from the address as written).
 */
export function checkPageUrl(value: unknown, what: string, mustBeNormal: boolean): string {
  if (mustBeNormal) return parseRecord(PAGE_URL, value, what);
  if (typeof value !== 'string') fail(`${what} must be a web address.`);
  if (value.length > MAX_URL_LENGTH) fail(`${what} is longer than ${count(MAX_URL_LENGTH)} characters.`);
  const normal = normalizePageUrl(value) ?? fail(`${what} is not a web address.`);
  const problem = normal.length > MAX_URL_LENGTH ? `is longer than ${count(MAX_URL_LENGTH)} characters.` : pageUrlProblem(normal, false);
  return problem === null ? normal : fail(`${what} ${problem}`);
}

/** Milliseconds since 1970, as records keep them. */
export function checkTimestamp(value: unknown, what: string): number {
  return parseRecord(TIMESTAMP, value, what);
}

/** A highlight's id: text of 1 to 100 characters, everywhere (messages, import, the store). */
export function checkAnnotationId(value: unknown, what: string): string {
  return parseRecord(ID, value, what);
}

export function checkHighlightColor(value: unknown, what: string): HighlightColor {
  return parseRecord(COLOR, value, what);
}

export function checkNote(value: unknown, what: string): string {
  return parseRecord(NOTE_TEXT, value, what);
}

/** Where a highlight sits: a quote and a position, and optionally the element hint. */
export function checkAnnotationTarget(value: unknown, place: string): AnnotationTarget {
  return parseRecord(TARGET, value, place);
}

/** A change to a highlight's colour, note or tags; other fields are not changes Gloss takes. */
export function checkAnnotationChanges(value: unknown, place: string): AnnotationChanges {
  const { color, note, tags } = parseRecord(ANNOTATION_CHANGES, value, place);
  return { ...(color !== undefined && { color }), ...(note !== undefined && { note }), ...(tags !== undefined && { tags }) };
}

/** A whole highlight record, as the store writes it. */
export function checkAnnotationRecord(value: unknown, place: string): AnnotationRecord {
  return parseRecord(ANNOTATION, value, place);
}
