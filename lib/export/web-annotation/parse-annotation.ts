/**
 * Reads one W3C Web Annotation back into an AnnotationRecord. Gloss's own annotations round-trip
 * exactly; annotations from other tools are accepted when they carry what Gloss needs to find the
 * passage again (a quote and a position in one http(s) page). Extra W3C properties and selector types
 * Gloss does not use are ignored; bodies it cannot keep are refused rather than dropped.
 */
import type { AnnotationTarget, ElementPathSelector, TextPositionSelector, TextQuoteSelector } from '../../anchoring/types';
import { HIGHLIGHT_COLORS, type AnnotationRecord, type HighlightColor } from '../../storage/records';
import { cleanTags } from '../../storage/tags';
import { annotationIdFromIri } from './backup-format';
import {
  checkIsoTime, checkOffset, checkPageUrl, checkText, fail, isObject, own, readObject, type JsonObject,
} from './read-fields';

const MAX_ID = 1_000;
const MAX_NOTE = 20_000;
const MAX_QUOTE = 100_000;
const MAX_CONTEXT = 1_000;
const MAX_PATH = 2_000;
const MAX_BODIES = 200;
const MAX_SELECTORS = 20;
const ELEMENT_PATH = /^(?:[^:/]+:[1-9]\d*(?:\/[^:/]+:[1-9]\d*)*)?$/;

/** A single value or a list of them, as JSON-LD allows for most properties. */
function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function readRange(selector: JsonObject, what: string): { start: number; end: number } {
  const start = checkOffset(own(selector, 'start'), `${what} start`);
  const end = checkOffset(own(selector, 'end'), `${what} end`);
  if (start > end) fail(`${what} starts after it ends.`);
  return { start, end };
}

function quoteSelector(selector: JsonObject, place: string): TextQuoteSelector {
  const what = `${place}: TextQuoteSelector`;
  const context = (key: string): string =>
    own(selector, key) === undefined ? '' : checkText(own(selector, key), `${what} ${key}`, { max: MAX_CONTEXT });
  return {
    type: 'TextQuoteSelector',
    exact: checkText(own(selector, 'exact'), `${what} exact`, { max: MAX_QUOTE, nonEmpty: true }),
    prefix: context('prefix'),
    suffix: context('suffix'),
  };
}

function positionSelector(selector: JsonObject, place: string): TextPositionSelector {
  return { type: 'TextPositionSelector', ...readRange(selector, `${place}: TextPositionSelector`) };
}

function elementSelector(selector: JsonObject, place: string): ElementPathSelector {
  const what = `${place}: gloss:ElementPathSelector`;
  const path = checkText(own(selector, 'path'), `${what} path`, { max: MAX_PATH });
  if (!ELEMENT_PATH.test(path)) fail(`${what} path is not an element path such as "main:1/p:4".`);
  return { type: 'gloss:ElementPathSelector', path, ...readRange(selector, what) };
}

function readTarget(annotation: JsonObject, place: string): { pageUrl: string; target: AnnotationTarget } {
  const target = own(annotation, 'target');
  if (!isObject(target)) fail(`${place} has no target with selectors (Gloss keeps one target per annotation).`);
  const pageUrl = checkPageUrl(own(target, 'source'), `${place}: target source`, false);
  const selectors = asList(own(target, 'selector'));
  if (selectors.length > MAX_SELECTORS) fail(`${place} has more than ${MAX_SELECTORS} selectors.`);
  const found: Partial<AnnotationTarget> = {};
  const take = <K extends keyof AnnotationTarget>(key: K, type: string, read: () => AnnotationTarget[K]): void => {
    if (found[key]) fail(`${place} has more than one ${type}.`);
    found[key] = read();
  };
  for (const value of selectors) {
    const selector = readObject(value, `${place}: a selector`);
    const type = own(selector, 'type');
    if (type === 'TextQuoteSelector') take('quote', type, () => quoteSelector(selector, place));
    else if (type === 'TextPositionSelector') take('position', type, () => positionSelector(selector, place));
    else if (type === 'gloss:ElementPathSelector') take('element', type, () => elementSelector(selector, place));
  }
  if (!found.quote) fail(`${place} has no TextQuoteSelector.`);
  if (!found.position) fail(`${place} has no TextPositionSelector.`);
  const result: AnnotationTarget = { quote: found.quote, position: found.position };
  if (found.element) result.element = found.element;
  return { pageUrl, target: result };
}

/** The note (a commenting or purpose-less TextualBody, as other tools write notes) and the tags. */
function readBodies(annotation: JsonObject, place: string): { note: string; tags: string[] } {
  const bodies = asList(own(annotation, 'body'));
  if (bodies.length > MAX_BODIES) fail(`${place} has more than ${MAX_BODIES} bodies.`);
  let note: string | undefined;
  const tags: string[] = [];
  bodies.forEach((value, i) => {
    const what = `${place}: body ${i + 1}`;
    const body = readObject(value, what);
    if (own(body, 'type') !== 'TextualBody') fail(`${what} is not a TextualBody; Gloss keeps only notes and tags.`);
    const purpose = own(body, 'purpose');
    if (purpose === 'tagging') {
      tags.push(checkText(own(body, 'value'), `${what} value`, { max: 1_000 }));
    } else if (purpose === undefined || purpose === 'commenting') {
      if (note !== undefined) fail(`${place} has more than one note.`);
      note = checkText(own(body, 'value'), `${what} value`, { max: MAX_NOTE });
    } else {
      fail(`${what} has purpose ${JSON.stringify(purpose).slice(0, 60)}; Gloss keeps only notes and tags.`);
    }
  });
  return { note: note ?? '', tags: cleanTags(tags) };
}

function readColor(annotation: JsonObject, place: string): HighlightColor {
  const color = own(annotation, 'gloss:color');
  if (color === undefined) return 'yellow';
  if (!(HIGHLIGHT_COLORS as readonly unknown[]).includes(color)) fail(`${place}: gloss:color must be one of ${HIGHLIGHT_COLORS.join(', ')}.`);
  return color as HighlightColor;
}

function readId(annotation: JsonObject, place: string): string {
  const iri = own(annotation, 'id');
  if (iri === undefined) fail(`${place} has no id.`);
  const id = annotationIdFromIri(checkText(iri, `${place}: id`, { max: MAX_ID, nonEmpty: true }));
  return id ?? fail(`${place}: id is not a valid Gloss annotation id.`);
}

export function parseAnnotation(value: unknown, place: string): AnnotationRecord {
  const annotation = readObject(value, place);
  if (!asList(own(annotation, 'type')).includes('Annotation')) fail(`${place} is not of type Annotation.`);
  const id = readId(annotation, place);
  const { pageUrl, target } = readTarget(annotation, place);
  const { note, tags } = readBodies(annotation, place);
  const createdAt = checkIsoTime(own(annotation, 'created'), `${place}: created`);
  const modified = own(annotation, 'modified');
  const updatedAt = modified === undefined ? createdAt : checkIsoTime(modified, `${place}: modified`);
  return { id, pageUrl, target, color: readColor(annotation, place), note, tags, createdAt, updatedAt };
}
