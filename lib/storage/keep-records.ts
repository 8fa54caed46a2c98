/**
 * What the stores write, made keepable and then checked against the one schema (record-schemas.ts), so
 * that every record in the database is one a backup import accepts again:
 * - what can be shortened is clamped: page titles, site names, bylines and dates, notes, quote context,
 *   a page's list of actors;
 * - the element hint is only a hint: one that cannot be kept (too long, a step that is no `tag:n`) is
 *   dropped, and the quote still finds the passage; so is a PDF page selector that is not "page=N";
 * - anything else that breaks a rule (a quote over 100,000 characters, an address over 8,192, an empty
 *   name) is refused with a RecordProblem, and nothing is written.
 */
import type { AnnotationTarget } from '../anchoring/types';
import { ALIAS_PICK, ENTITY_TAG, USER_ACTOR } from './entity-record-schemas';
import {
  ANNOTATION,
  ELEMENT_SELECTOR,
  PAGE_SELECTOR,
  MAX_BYLINE,
  MAX_KEY,
  MAX_NOTE,
  MAX_PAGE_ACTORS,
  MAX_PUBLISHED_TIME,
  MAX_QUOTE_CONTEXT,
  MAX_SITE_NAME,
  MAX_TITLE,
  PAGE,
  TAG,
} from './record-schemas';
import type { AliasPickRecord, AnnotationRecord, EntityTagRecord, PageRecord, TagRecord, UserActorRecord } from './records';
import { meets, parseRecord } from './schema-fields';
import { cleanTags } from './tags';

const clamp = <T extends string | null | undefined>(value: T, max: number): T =>
  (typeof value === 'string' && value.length > max ? value.slice(0, max) : value) as T;

/** A page's actor keys as kept: distinct, sorted, each a key Gloss can keep, at most 1,000. */
export function keepableActorKeys(keys: readonly string[]): string[] {
  const kept = [...new Set(keys)].filter((key) => typeof key === 'string' && key.trim() !== '' && key.length <= MAX_KEY);
  return kept.sort().slice(0, MAX_PAGE_ACTORS);
}

/** The page with its texts and actor list clamped, unchecked (the database upgrade uses it on old pages). */
export function clampPage(page: PageRecord): PageRecord {
  const clamped: PageRecord = { ...page, title: clamp(page.title, MAX_TITLE), siteName: clamp(page.siteName, MAX_SITE_NAME) };
  if (page.byline !== undefined) clamped.byline = clamp(page.byline, MAX_BYLINE);
  if (page.publishedTime !== undefined) clamped.publishedTime = clamp(page.publishedTime, MAX_PUBLISHED_TIME);
  if (page.actors !== undefined) clamped.actors = keepableActorKeys(page.actors);
  return clamped;
}

export function keepPage(page: PageRecord, place = 'This page'): PageRecord {
  return parseRecord(PAGE, clampPage(page), place);
}

/**
 * The target with its context clamped, and an element hint or a PDF page that cannot be kept dropped
 * (the quote and position still find the passage).
 */
export function keepableTarget(target: AnnotationTarget): AnnotationTarget {
  const { quote, position, element, page } = target;
  const kept: AnnotationTarget = {
    quote: { ...quote, prefix: clamp(quote.prefix, MAX_QUOTE_CONTEXT), suffix: clamp(quote.suffix, MAX_QUOTE_CONTEXT) },
    position,
  };
  if (element !== undefined && meets(ELEMENT_SELECTOR, element)) kept.element = element;
  if (page !== undefined && meets(PAGE_SELECTOR, page)) kept.page = page;
  return kept;
}

export function keepAnnotation(record: AnnotationRecord, place = 'This highlight'): AnnotationRecord {
  const kept = { ...record, target: keepableTarget(record.target), note: clamp(record.note, MAX_NOTE), tags: cleanTags(record.tags) };
  return parseRecord(ANNOTATION, kept, place);
}

export function keepTag(tag: TagRecord, place = 'This tag'): TagRecord {
  return parseRecord(TAG, tag, place);
}

export function keepEntityTag(tag: EntityTagRecord, place = 'This entity'): EntityTagRecord {
  return parseRecord(ENTITY_TAG, tag, place);
}

export function keepActor(actor: UserActorRecord, place = 'This actor'): UserActorRecord {
  return parseRecord(USER_ACTOR, actor, place);
}

export function keepAliasPick(pick: AliasPickRecord, place = 'This pick'): AliasPickRecord {
  return parseRecord(ALIAS_PICK, pick, place);
}
