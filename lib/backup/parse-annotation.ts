/**
 * Reads one W3C Web Annotation back into an AnnotationRecord. Gloss's own annotations round-trip
 * exactly; annotations from other tools are accepted when they carry what Gloss needs to find the
 * passage again (a quote and a position in one http(s) page, or a PDF's with its page and document key). Extra W3C properties and selector types
 * Gloss does not use are ignored, and so is an element hint Gloss could not write (it is only a hint);
 * bodies it cannot keep are refused rather than dropped. An IRI that holds no id in Gloss's own form
 * gives a fresh id derived from it, and is kept (lib/storage/annotation-ids.ts).
 */
import type { AnnotationRecord, HighlightColor } from '../storage/records';
import { idForIri } from '../storage/annotation-ids';
import { checkHighlightColor, checkNote } from '../storage/record-rules';
import { ANNOTATION_FROM_BACKUP, ANNOTATION_IRI, ELEMENT_SELECTOR, PAGE_SELECTOR } from '../storage/record-schemas';
import { meets, parseRecord } from '../storage/schema-fields';
import { cleanTags } from '../storage/tags';
import { checkIsoTime, checkPageUrl, checkText, fail, isObject, own, readObject, type JsonObject } from './read-fields';

// The limits on ids, quotes, paths, notes and addresses are lib/storage/record-rules.ts's, shared with
// records that arrive by message; these bound only what the W3C form adds.
const MAX_BODIES = 200;
const MAX_SELECTORS = 20;
const MAX_TAG_BODY = 1_000;

/** A single value or a list of them, as JSON-LD allows for most properties. */
function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The target's page and selectors. The selectors Gloss keeps are gathered by type, to be checked with the
 * whole record by the same schema the store writes by.
 */
function readTarget(annotation: JsonObject, place: string): { pageUrl: string; documentKey: unknown; target: unknown } {
  const target = own(annotation, 'target');
  if (!isObject(target)) fail(`${place} has no target with selectors (Gloss keeps one target per annotation).`);
  const pageUrl = checkPageUrl(own(target, 'source'), `${place}: target source`, false);
  const selectors = asList(own(target, 'selector'));
  if (selectors.length > MAX_SELECTORS) fail(`${place} has more than ${MAX_SELECTORS} selectors.`);
  const found: { quote?: unknown; position?: unknown; element?: unknown; page?: unknown } = {};
  const take = (key: keyof typeof found, type: string, selector: JsonObject): void => {
    if (found[key]) fail(`${place} has more than one ${type}.`);
    found[key] = selector;
  };
  for (const value of selectors) {
    const selector = readObject(value, `${place}: a selector`);
    const type = own(selector, 'type');
    if (type === 'TextQuoteSelector') take('quote', type, selector);
    else if (type === 'TextPositionSelector') take('position', type, selector);
    else if (type === 'gloss:ElementPathSelector') take('element', type, selector);
    // Only a PDF page ("page=N" by RFC 3778); other fragments (media times, SVG regions) are not Gloss's.
    else if (type === 'FragmentSelector' && meets(PAGE_SELECTOR, selector)) take('page', 'page FragmentSelector', selector);
  }
  if (found.element !== undefined && !meets(ELEMENT_SELECTOR, found.element)) delete found.element;
  return { pageUrl, documentKey: own(target, 'gloss:documentKey'), target: found };
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
      tags.push(checkText(own(body, 'value'), `${what} value`, { max: MAX_TAG_BODY }));
    } else if (purpose === undefined || purpose === 'commenting') {
      if (note !== undefined) fail(`${place} has more than one note.`);
      note = checkNote(own(body, 'value'), `${what} value`);
    } else {
      fail(`${what} has purpose ${JSON.stringify(purpose).slice(0, 60)}; Gloss keeps only notes and tags.`);
    }
  });
  return { note: note ?? '', tags: cleanTags(tags) };
}

function readColor(annotation: JsonObject, place: string): HighlightColor {
  const color = own(annotation, 'gloss:color');
  return color === undefined ? 'yellow' : checkHighlightColor(color, `${place}: gloss:color`);
}

const IRI = ANNOTATION_IRI('');

function readId(annotation: JsonObject, place: string): { id: string; iri?: string } {
  const iri = own(annotation, 'id');
  if (iri === undefined) fail(`${place} has no id.`);
  return idForIri(parseRecord(IRI, iri, `${place}: id`));
}

export function parseAnnotation(value: unknown, place: string): AnnotationRecord {
  const annotation = readObject(value, place);
  if (!asList(own(annotation, 'type')).includes('Annotation')) fail(`${place} is not of type Annotation.`);
  const ids = readId(annotation, place);
  const { pageUrl, documentKey, target } = readTarget(annotation, place);
  const { note, tags } = readBodies(annotation, place);
  const createdAt = checkIsoTime(own(annotation, 'created'), `${place}: created`);
  const modified = own(annotation, 'modified');
  const updatedAt = modified === undefined ? createdAt : checkIsoTime(modified, `${place}: modified`);
  // The whole record, target included, meets the store's rules (tags as Gloss writes them, times in range).
  const record = {
    ...ids,
    pageUrl,
    ...(documentKey !== undefined && { documentKey }),
    target,
    color: readColor(annotation, place),
    note,
    tags,
    createdAt,
    updatedAt,
  };
  return parseRecord(ANNOTATION_FROM_BACKUP, record, place);
}
