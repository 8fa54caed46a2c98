/**
 * The one definition of what a highlight record may hold, for every way a record reaches the database
 * that the user did not type into Gloss's own pages: a backup being imported (lib/export/web-annotation)
 * and a message from a content script (extension/background). Each check reads an untrusted value and
 * either returns a fresh, well-typed copy holding only the known fields, or throws a RecordProblem that
 * names the place and the field ("Annotation 3: TextQuoteSelector exact is empty.").
 */
import { isElementPath, MAX_ELEMENT_PATH } from '../anchoring/element-path';
import type { AnnotationTarget, ElementPathSelector, TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import { normalizePageUrl } from '../url/normalize-url';
import type { AnnotationChanges } from './annotation-store';
import { HIGHLIGHT_COLORS, type AnnotationRecord, type HighlightColor } from './records';
import { cleanTags, MAX_TAG_LENGTH, MAX_TAGS } from './tags';

/** The limits, one place for all of them. */
export const MAX_ANNOTATION_ID = 100;
export const MAX_QUOTE = 100_000;
/** The text kept before and after a quote (Gloss writes up to 32 characters; other tools more). */
export const MAX_QUOTE_CONTEXT = 1_000;
export const MAX_NOTE = 20_000;
export const MAX_URL_LENGTH = 8_192;
export { MAX_ELEMENT_PATH };
/** Date's range: ±8.64e15 ms around 1970. Timestamps before 1970 are not Gloss's. */
const MAX_TIME = 8.64e15;

/** A value that breaks the rules; the message says which value and how. */
export class RecordProblem extends Error {
  override name = 'RecordProblem';
}

export function fail(message: string): never {
  throw new RecordProblem(message);
}

export type JsonObject = Record<string, unknown>;

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

export interface TextRules {
  max: number;
  /** Empty text is refused (names, quotes). */
  nonEmpty?: boolean;
}

export function checkText(value: unknown, what: string, rules: TextRules): string {
  if (typeof value !== 'string') fail(`${what} must be text.`);
  if (value.length > rules.max) fail(`${what} is longer than ${count(rules.max)} characters.`);
  if (rules.nonEmpty && value.trim() === '') fail(`${what} is empty.`);
  return value;
}

/** A whole, non-negative number of UTF-16 code units. */
export function checkOffset(value: unknown, what: string): number {
  return Number.isSafeInteger(value) && (value as number) >= 0
    ? (value as number)
    : fail(`${what} must be a whole number, zero or more.`);
}

/** Milliseconds since 1970, as records keep them. */
export function checkTimestamp(value: unknown, what: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > MAX_TIME) {
    fail(`${what} must be a time in milliseconds since 1970.`);
  }
  return value as number;
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

/** A highlight's id: text of 1 to 100 characters, everywhere (messages, import, the store). */
export function checkAnnotationId(value: unknown, what: string): string {
  return checkText(value, what, { max: MAX_ANNOTATION_ID, nonEmpty: true });
}

export function checkHighlightColor(value: unknown, what: string): HighlightColor {
  if (!(HIGHLIGHT_COLORS as readonly unknown[]).includes(value)) fail(`${what} must be one of ${HIGHLIGHT_COLORS.join(', ')}.`);
  return value as HighlightColor;
}

export function checkNote(value: unknown, what: string): string {
  return checkText(value, what, { max: MAX_NOTE });
}

/** Tags as Gloss writes them (cleanTags): at most 50, each tidied, no two alike. */
export function checkTags(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) fail(`${what} must be a list of tags.`);
  if (value.length > MAX_TAGS) fail(`${what} has more than ${MAX_TAGS} tags.`);
  const tags = value.map((tag, i) => checkText(tag, `${what} entry ${i + 1}`, { max: MAX_TAG_LENGTH, nonEmpty: true }));
  const clean = cleanTags(tags);
  tags.forEach((tag, i) => {
    if (clean[i] !== tag) fail(`${what}: "${tag}" is not a tag as Gloss writes tags.`);
  });
  return tags;
}

function checkSelectorType(selector: JsonObject, type: string, what: string): void {
  if (own(selector, 'type') !== type) fail(`${what} does not have type ${type}.`);
}

function checkRange(selector: JsonObject, what: string): { start: number; end: number } {
  const start = checkOffset(own(selector, 'start'), `${what} start`);
  const end = checkOffset(own(selector, 'end'), `${what} end`);
  if (start > end) fail(`${what} starts after it ends.`);
  return { start, end };
}

/** The quoted text, with its context; a missing prefix or suffix reads as none (other tools omit them). */
export function checkQuoteSelector(value: unknown, place: string): TextQuoteSelector {
  const what = `${place}: TextQuoteSelector`;
  const selector = readObject(value, what);
  checkSelectorType(selector, 'TextQuoteSelector', what);
  const context = (key: string): string =>
    own(selector, key) === undefined ? '' : checkText(own(selector, key), `${what} ${key}`, { max: MAX_QUOTE_CONTEXT });
  return {
    type: 'TextQuoteSelector',
    exact: checkText(own(selector, 'exact'), `${what} exact`, { max: MAX_QUOTE, nonEmpty: true }),
    prefix: context('prefix'),
    suffix: context('suffix'),
  };
}

export function checkPositionSelector(value: unknown, place: string): TextPositionSelector {
  const what = `${place}: TextPositionSelector`;
  const selector = readObject(value, what);
  checkSelectorType(selector, 'TextPositionSelector', what);
  return { type: 'TextPositionSelector', ...checkRange(selector, what) };
}

/** The element hint: a path of `tag:n` steps (tags may hold colons: "p:1/st1:place:1") and offsets. */
export function checkElementSelector(value: unknown, place: string): ElementPathSelector {
  const what = `${place}: gloss:ElementPathSelector`;
  const selector = readObject(value, what);
  checkSelectorType(selector, 'gloss:ElementPathSelector', what);
  const path = checkText(own(selector, 'path'), `${what} path`, { max: MAX_ELEMENT_PATH });
  if (!isElementPath(path)) fail(`${what} path is not an element path such as "main:1/p:4".`);
  return { type: 'gloss:ElementPathSelector', path, ...checkRange(selector, what) };
}

/** Where a highlight sits: a quote and a position, and optionally the element hint. */
export function checkAnnotationTarget(value: unknown, place: string): AnnotationTarget {
  const target = readObject(value, place);
  const quote = own(target, 'quote');
  const position = own(target, 'position');
  const element = own(target, 'element');
  if (quote === undefined) fail(`${place} has no TextQuoteSelector.`);
  if (position === undefined) fail(`${place} has no TextPositionSelector.`);
  const checked: AnnotationTarget = { quote: checkQuoteSelector(quote, place), position: checkPositionSelector(position, place) };
  if (element !== undefined) checked.element = checkElementSelector(element, place);
  return checked;
}

/** A change to a highlight's colour, note or tags; other fields are not changes Gloss takes. */
export function checkAnnotationChanges(value: unknown, place: string): AnnotationChanges {
  const changes = readObject(value, place);
  const checked: AnnotationChanges = {};
  if (own(changes, 'color') !== undefined) checked.color = checkHighlightColor(own(changes, 'color'), `${place}: color`);
  if (own(changes, 'note') !== undefined) checked.note = checkNote(own(changes, 'note'), `${place}: note`);
  if (own(changes, 'tags') !== undefined) checked.tags = checkTags(own(changes, 'tags'), `${place}: tags`);
  return checked;
}

/** A whole highlight record, as the store writes it. */
export function checkAnnotationRecord(value: unknown, place: string): AnnotationRecord {
  const record = readObject(value, place);
  return {
    id: checkAnnotationId(own(record, 'id'), `${place}: id`),
    pageUrl: checkPageUrl(own(record, 'pageUrl'), `${place}: pageUrl`, true),
    target: checkAnnotationTarget(own(record, 'target'), `${place} target`),
    color: checkHighlightColor(own(record, 'color'), `${place}: color`),
    note: checkNote(own(record, 'note'), `${place}: note`),
    tags: checkTags(own(record, 'tags'), `${place}: tags`),
    createdAt: checkTimestamp(own(record, 'createdAt'), `${place}: createdAt`),
    updatedAt: checkTimestamp(own(record, 'updatedAt'), `${place}: updatedAt`),
  };
}
