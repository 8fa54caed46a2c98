/**
 * Reads the `gloss:` sections of a backup (pages, tags, entity verdicts, user actors) into database
 * records, with the bounds the stores themselves keep (page-store, tags, entity-tag-store). Only the
 * known fields are copied into fresh objects, so stray or hostile keys never reach the database.
 */
import type { EntityKind } from '../../entities/types';
import { entityTagId } from '../../storage/entity-tag-store';
import type { EntityTagRecord, EntityTagStatus, PageRecord, TagRecord, UserActorRecord } from '../../storage/records';
import { cleanTags, tagKey } from '../../storage/tags';
import {
  checkPageUrl, fail, own, readBoolean, readNullableText, readObject, readText, readTextList, readTimestamp,
} from './read-fields';

/** Every kind, spelled out as a record so the compiler notices a new kind. */
const KINDS: Record<EntityKind, true> = {
  'threat-actor': true, malware: true, tool: true, vulnerability: true, technique: true,
  indicator: true, organization: true, person: true, place: true,
};
const STATUSES: readonly EntityTagStatus[] = ['confirmed', 'rejected'];

const MAX_TITLE = 500;
const MAX_SITE_NAME = 200;
const MAX_BYLINE = 300;
const MAX_PUBLISHED_TIME = 100;
const MAX_NAME = 200;
const MAX_KEY = 300;
const MAX_ALIASES = 100;
const MAX_PAGE_ACTORS = 1_000;

export function parsePage(value: unknown, place: string): PageRecord {
  const entry = readObject(value, place);
  const page: PageRecord = {
    url: checkPageUrl(own(entry, 'url'), `${place}: url`, true),
    title: readText(entry, 'title', place, { max: MAX_TITLE }),
    siteName: readNullableText(entry, 'siteName', place, MAX_SITE_NAME, false) ?? null,
    createdAt: readTimestamp(entry, 'createdAt', place),
    updatedAt: readTimestamp(entry, 'updatedAt', place),
  };
  const byline = readNullableText(entry, 'byline', place, MAX_BYLINE, true);
  if (byline !== undefined) page.byline = byline;
  const publishedTime = readNullableText(entry, 'publishedTime', place, MAX_PUBLISHED_TIME, true);
  if (publishedTime !== undefined) page.publishedTime = publishedTime;
  if (own(entry, 'actors') !== undefined) {
    page.actors = readTextList(entry, 'actors', place, { entries: MAX_PAGE_ACTORS, max: MAX_NAME });
  }
  return page;
}

/** A tag must already be in the form cleanTags gives it, and filed under its own key. */
export function parseTag(value: unknown, place: string): TagRecord {
  const entry = readObject(value, place);
  const label = readText(entry, 'label', place, { max: 64, nonEmpty: true });
  if (cleanTags([label])[0] !== label) fail(`${place}: "${label.slice(0, 64)}" is not a tag as Gloss writes tags.`);
  const key = readText(entry, 'key', place, { max: MAX_KEY });
  if (key !== tagKey(label)) fail(`${place}: key does not match the label.`);
  return { key, label, createdAt: readTimestamp(entry, 'createdAt', place) };
}

export function parseEntityTag(value: unknown, place: string): EntityTagRecord {
  const entry = readObject(value, place);
  const kind = readText(entry, 'kind', place, { max: 40 });
  if (!Object.prototype.hasOwnProperty.call(KINDS, kind)) fail(`${place}: "${kind}" is not a kind of entity Gloss knows.`);
  const status = readText(entry, 'status', place, { max: 40 }) as EntityTagStatus;
  if (!STATUSES.includes(status)) fail(`${place}: status must be "confirmed" or "rejected".`);
  const pageUrl = checkPageUrl(own(entry, 'pageUrl'), `${place}: pageUrl`, true);
  const entityKey = readText(entry, 'entityKey', place, { max: MAX_KEY, nonEmpty: true });
  if (!entityKey.startsWith(`${kind}:`)) fail(`${place}: entityKey does not match its kind.`);
  const id = readText(entry, 'id', place, { max: MAX_KEY + entityKey.length + pageUrl.length });
  if (id !== entityTagId(pageUrl, entityKey)) fail(`${place}: id does not match its page and entity.`);
  return {
    id,
    pageUrl,
    entityKey,
    kind: kind as EntityKind,
    name: readText(entry, 'name', place, { max: MAX_NAME }),
    canonical: readText(entry, 'canonical', place, { max: MAX_NAME, nonEmpty: true }),
    status,
    createdAt: readTimestamp(entry, 'createdAt', place),
    updatedAt: readTimestamp(entry, 'updatedAt', place),
  };
}

export function parseActor(value: unknown, place: string): UserActorRecord {
  const entry = readObject(value, place);
  const id = readText(entry, 'id', place, { max: MAX_NAME, nonEmpty: true });
  const nameKeys = readTextList(entry, 'nameKeys', place, { entries: MAX_ALIASES + 1, max: MAX_NAME });
  // The actor is looked up by its names: its own key must be among them.
  if (!nameKeys.includes(id)) fail(`${place}: nameKeys must include the actor's id.`);
  return {
    id,
    canonical: readText(entry, 'canonical', place, { max: MAX_NAME, nonEmpty: true }),
    aliases: readTextList(entry, 'aliases', place, { entries: MAX_ALIASES, max: MAX_NAME }),
    extendsBuiltin: readBoolean(entry, 'extendsBuiltin', place),
    nameKeys,
    createdAt: readTimestamp(entry, 'createdAt', place),
    updatedAt: readTimestamp(entry, 'updatedAt', place),
  };
}
