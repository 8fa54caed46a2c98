/**
 * The one schema of every record Gloss keeps: pages, highlights (with their target) and tags here; entity
 * verdicts, the user's actors and alias picks in entity-record-schemas.ts, on the same fields. The stores check what they write with it (keep-records.ts), the
 * background checks what a content script sends with it (record-rules.ts), and the backup importer
 * parses with it (lib/backup), so whatever the store can write, an import accepts.
 *
 * Messages read as the tail of a sentence about a place (schema-fields.ts): parseRecord(PAGE, value,
 * "Page 3") throws "Page 3: title is longer than 500 characters."
 */
import * as v from 'valibot';
import { isElementPath, MAX_ELEMENT_PATH } from '../anchoring/element-path';
import { PDF_FRAGMENT_SPEC, type AnnotationTarget, type ElementPathSelector, type TextPositionSelector } from '../anchoring/types';
import { isPdfDocumentKey } from '../pdf/document-key';
import { pageOfFragment } from '../pdf/page-selector';
import { normalizePageUrl } from '../url/normalize-url';
import { idForIri } from './annotation-ids';
import { HIGHLIGHT_COLORS, type AnnotationRecord, type HighlightColor, type PageRecord, type TagRecord } from './records';
import { count, offset, record, text, textList, timestamp, wellFormed } from './schema-fields';
import { cleanTags, MAX_TAG_LENGTH, MAX_TAGS, tagKey } from './tags';
import {
  MAX_ANNOTATION_ID,
  MAX_ANNOTATION_IRI,
  MAX_BYLINE,
  MAX_DOCUMENT_KEY,
  MAX_KEY,
  MAX_NOTE,
  MAX_PAGE_ACTORS,
  MAX_PUBLISHED_TIME,
  MAX_QUOTE,
  MAX_QUOTE_CONTEXT,
  MAX_SITE_NAME,
  MAX_TITLE,
  MAX_URL_LENGTH,
} from './record-limits';

export * from './record-limits';
export { MAX_ELEMENT_PATH };

/**
 * Why `url` is no address Gloss files a page under, or null when it is one: an http(s) address, or a
 * PDF's document key ("urn:x-pdf:<fingerprint>") for a PDF opened from no web address.
 */
export function pageUrlProblem(url: string, mustBeNormal: boolean): string | null {
  if (isPdfDocumentKey(url)) return null;
  const normal = normalizePageUrl(url);
  if (normal === null) return 'is not a web address.';
  if (!/^https?:\/\//.test(normal)) return 'is not an http or https address.';
  if (mustBeNormal && normal !== url) return 'is not in the normalised form Gloss files pages under.';
  return null;
}

/** A PDF's document key (lib/pdf/document-key.ts). */
export function documentKey(label: string) {
  return v.pipe(
    v.string(`${label} must be a PDF document key such as urn:x-pdf:<fingerprint>.`),
    v.maxLength(MAX_DOCUMENT_KEY, `${label} is longer than ${count(MAX_DOCUMENT_KEY)} characters.`),
    v.check((value: string) => isPdfDocumentKey(value), `${label} is not a PDF document key such as urn:x-pdf:<fingerprint>.`),
  );
}

/** A page address as pages are filed: http(s), parseable, normalised, of bounded length (or a PDF's key). */
export function pageUrl(label: string) {
  return v.pipe(
    v.string(`${label} must be a web address.`),
    v.maxLength(MAX_URL_LENGTH, `${label} is longer than ${count(MAX_URL_LENGTH)} characters.`),
    v.rawCheck(({ dataset, addIssue }) => {
      const problem = dataset.typed ? pageUrlProblem(dataset.value, true) : null;
      if (problem) addIssue({ message: `${label} ${problem}` });
    }),
  );
}

const QUOTE = 'TextQuoteSelector';
const POSITION = 'TextPositionSelector';
const ELEMENT = 'gloss:ElementPathSelector';
const FRAGMENT = 'FragmentSelector';

/**
 * The selectors of a target, their messages after `prefix` (" target" inside a record): a selector is
 * absent (" has no TextQuoteSelector.") or not an object (": TextQuoteSelector is not an object.").
 */
function selectors(prefix: string) {
  const at = (name: string) => `${prefix}: ${name}`;
  const object = <const E extends v.ObjectEntries>(name: string, entries: E) =>
    record(entries, (input) => (input === undefined ? `${prefix} has no ${name}.` : `${at(name)} is not an object.`));
  const typeOf = <const T extends string>(type: T) => v.literal(type, `${at(type)} does not have type ${type}.`);
  const inOrder = <T extends { start: number; end: number }>(name: string) =>
    v.check((range: T) => range.start <= range.end, `${at(name)} starts after it ends.`);
  const quote = object(QUOTE, {
    type: typeOf(QUOTE),
    exact: text(`${at(QUOTE)} exact`, { max: MAX_QUOTE, nonEmpty: true }),
    // Other tools leave the context out: none.
    prefix: v.optional(text(`${at(QUOTE)} prefix`, { max: MAX_QUOTE_CONTEXT }), ''),
    suffix: v.optional(text(`${at(QUOTE)} suffix`, { max: MAX_QUOTE_CONTEXT }), ''),
  });
  const position = v.pipe(
    object(POSITION, { type: typeOf(POSITION), start: offset(`${at(POSITION)} start`), end: offset(`${at(POSITION)} end`) }),
    inOrder<TextPositionSelector>(POSITION),
  );
  /** The element hint: `tag:n` steps (tags may hold colons: "p:1/st1:place:1") and offsets into that element. */
  const element = v.pipe(
    object(ELEMENT, {
      type: typeOf(ELEMENT),
      path: v.pipe(
        text(`${at(ELEMENT)} path`, { max: MAX_ELEMENT_PATH }),
        v.check(isElementPath, `${at(ELEMENT)} path is not an element path such as "main:1/p:4".`),
      ),
      start: offset(`${at(ELEMENT)} start`),
      end: offset(`${at(ELEMENT)} end`),
    }),
    inOrder<ElementPathSelector>(ELEMENT),
  );
  /** A PDF highlight's page: "page=N" by the PDF fragment specification (RFC 3778). */
  const page = object(FRAGMENT, {
    type: typeOf(FRAGMENT),
    value: v.pipe(
      text(`${at(FRAGMENT)} value`, { max: 20 }),
      v.check((value: string) => pageOfFragment(value) !== null, `${at(FRAGMENT)} value is not a page such as "page=3".`),
    ),
    conformsTo: v.literal(PDF_FRAGMENT_SPEC, `${at(FRAGMENT)} does not conform to the PDF fragment specification (${PDF_FRAGMENT_SPEC}).`),
  });
  return { quote, position, element, page };
}

/** Where a highlight sits: a quote and a position, and optionally the element hint and (PDFs) the page. */
function targetSchema(prefix: string) {
  const { quote, position, element, page } = selectors(prefix);
  return v.pipe(
    record({ quote, position, element: v.optional(element), page: v.optional(page) }, `${prefix} is not an object.`),
    v.transform((checked): AnnotationTarget => {
      const copy: AnnotationTarget = { quote: checked.quote, position: checked.position };
      if (checked.element !== undefined) copy.element = checked.element;
      if (checked.page !== undefined) copy.page = checked.page;
      return copy;
    }),
  );
}

export const TARGET = targetSchema('');
/** The element hint alone: a hint that fails it is dropped, never stored (keep-records.ts). */
export const ELEMENT_SELECTOR = selectors('').element;
/** A PDF page selector alone, for the importer: a FragmentSelector of another kind is not Gloss's to keep. */
export const PAGE_SELECTOR = selectors('').page;

export const HIGHLIGHT_COLOR = (label: string) =>
  v.picklist(HIGHLIGHT_COLORS, `${label} must be one of ${HIGHLIGHT_COLORS.join(', ')}.`) satisfies v.GenericSchema<
    unknown,
    HighlightColor
  >;

export const NOTE = (label: string) => text(label, { max: MAX_NOTE });

/** Tags as Gloss writes them (cleanTags): at most 50, each tidied, no two alike. */
export function tagsSchema(label: string) {
  return v.pipe(
    v.array(text(`${label} entry {n}`, { max: MAX_TAG_LENGTH, nonEmpty: true }), `${label} must be a list of tags.`),
    v.maxLength(MAX_TAGS, `${label} has more than ${MAX_TAGS} tags.`),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const clean = cleanTags(dataset.value);
      const odd = dataset.value.find((tag, i) => clean[i] !== tag);
      if (odd !== undefined) addIssue({ message: `${label}: "${odd}" is not a tag as Gloss writes tags.` });
    }),
  );
}

/** A highlight's id: 1 to 100 characters, well-formed (it is written into an IRI). */
export const ANNOTATION_ID = (label: string) => v.pipe(text(label, { max: MAX_ANNOTATION_ID, nonEmpty: true }), wellFormed(label));
/** The IRI a highlight was imported under (annotation-ids.ts). */
export const ANNOTATION_IRI = (label: string) => v.pipe(text(label, { max: MAX_ANNOTATION_IRI, nonEmpty: true }), wellFormed(label));

/** The IRI a record keeps is the one its id was made from, so no record can claim another's IRI (or a UUID's). */
function madeFromIri({ id, iri }: { id: string; iri?: string }): boolean {
  if (iri === undefined) return true;
  const made = idForIri(iri);
  return made.iri !== undefined && made.id === id;
}

/** A whole highlight record; `targetPlace` is how messages about its target begin (" target"). */
function annotationSchema(targetPlace: string) {
  return v.pipe(
    record(
      {
        id: ANNOTATION_ID(': id'),
        iri: v.optional(ANNOTATION_IRI(': iri')),
        pageUrl: pageUrl(': pageUrl'),
        documentKey: v.optional(documentKey(': documentKey')),
        target: targetSchema(targetPlace),
        color: HIGHLIGHT_COLOR(': color'),
        note: NOTE(': note'),
        tags: tagsSchema(': tags'),
        createdAt: timestamp(': createdAt'),
        updatedAt: timestamp(': updatedAt'),
      },
      ' is not an object.',
    ),
    v.check((annotation) => madeFromIri(annotation), ': iri is not the one its id was made from.'),
    // Optional fields only when the record has them, so a round trip gives the same record.
    v.transform(({ iri, documentKey: key, ...rest }): AnnotationRecord => ({
      ...rest,
      ...(iri !== undefined && { iri }),
      ...(key !== undefined && { documentKey: key }),
    })),
  ) satisfies v.GenericSchema<unknown, AnnotationRecord>;
}

/** A whole highlight record, as the store writes it. */
export const ANNOTATION = annotationSchema(' target');
/**
 * The same record read from a backup, where the target's selectors are the annotation's own
 * ("Annotation 3 has no TextQuoteSelector.").
 */
export const ANNOTATION_FROM_BACKUP = annotationSchema('');

/** A change to a highlight's colour, note or tags; other fields are not changes Gloss takes. */
export const ANNOTATION_CHANGES = record(
  {
    color: v.optional(HIGHLIGHT_COLOR(': color')),
    note: v.optional(NOTE(': note')),
    tags: v.optional(tagsSchema(': tags')),
  },
  ' is not an object.',
);

const nullableText = (label: string, max: number) => v.nullable(text(label, { max }));

export const PAGE = v.pipe(
  record(
    {
      url: pageUrl(': url'),
      documentKey: v.optional(documentKey(': documentKey')),
      title: text(': title', { max: MAX_TITLE, absent: ' has no title.' }),
      siteName: v.nullable(text(': siteName', { max: MAX_SITE_NAME, absent: ' has no siteName.' })),
      byline: v.optional(nullableText(': byline', MAX_BYLINE)),
      publishedTime: v.optional(nullableText(': publishedTime', MAX_PUBLISHED_TIME)),
      createdAt: timestamp(': createdAt'),
      updatedAt: timestamp(': updatedAt'),
      actors: v.optional(textList(': actors', { entries: MAX_PAGE_ACTORS, max: MAX_KEY })),
    },
    ' is not an object.',
  ),
  // Optional fields only when the record has them, so a round trip gives the same record.
  v.transform((page): PageRecord => {
    const { byline, publishedTime, actors, documentKey: key, ...rest } = page;
    return {
      ...rest,
      ...(key !== undefined && { documentKey: key }),
      ...(byline !== undefined && { byline }),
      ...(publishedTime !== undefined && { publishedTime }),
      ...(actors !== undefined && { actors }),
    };
  }),
) satisfies v.GenericSchema<unknown, PageRecord>;

/** A tag in the form cleanTags gives it, filed under its own key. */
export const TAG = v.pipe(
  record(
    {
      key: text(': key', { max: MAX_KEY, absent: ' has no key.' }),
      label: v.pipe(
        text(': label', { max: MAX_TAG_LENGTH, nonEmpty: true, absent: ' has no label.' }),
        v.check(
          (label: string) => cleanTags([label])[0] === label,
          (issue) => `: "${String(issue.input).slice(0, 64)}" is not a tag as Gloss writes tags.`,
        ),
      ),
      createdAt: timestamp(': createdAt'),
    },
    ' is not an object.',
  ),
  v.check((tag) => tag.key === tagKey(tag.label), ': key does not match the label.'),
) satisfies v.GenericSchema<unknown, TagRecord>;
