/**
 * Writes everything Gloss keeps as one W3C Web Annotation collection (see backup-format.ts). The same
 * snapshot always gives the same text: records are sorted by their key, every object's keys come in a
 * fixed order, and `generated` is the newest change in the data, never the clock.
 */
import type { GlossSnapshot } from '../export/page-export';
import type {
  AliasPickRecord,
  AnnotationRecord,
  EntityTagRecord,
  PageRecord,
  PausedSiteRecord,
  SettingRecord,
  TagRecord,
  UserActorRecord,
} from '../storage/records';
import {
  BACKUP_CONTEXT,
  BACKUP_FORMAT_VERSION,
  recordIri,
  type BackupDocument,
  type TextualBody,
  type WebAnnotation,
} from './backup-format';

/** Code-unit order: the same on every machine, unlike localeCompare. */
function byKey<T>(key: (record: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

function annotationBody(record: AnnotationRecord): TextualBody[] {
  const body: TextualBody[] = [];
  if (record.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: record.note, format: 'text/plain' });
  for (const tag of record.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return body;
}

export function toWebAnnotation(record: AnnotationRecord): WebAnnotation {
  const { quote, position, element, page } = record.target;
  const body = annotationBody(record);
  return {
    id: recordIri(record),
    type: 'Annotation',
    motivation: record.note !== '' ? 'commenting' : 'highlighting',
    created: iso(record.createdAt),
    modified: iso(record.updatedAt),
    ...(body.length > 0 && { body }),
    target: {
      source: record.pageUrl,
      ...(record.documentKey !== undefined && { 'gloss:documentKey': record.documentKey }),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
        ...(element ? [{ type: element.type, path: element.path, start: element.start, end: element.end }] : []),
        ...(page ? [{ type: page.type, value: page.value, conformsTo: page.conformsTo }] : []),
      ],
    },
    'gloss:color': record.color,
  };
}

/** Every PageRecord field; optional ones only when the record has them, so a round trip is exact. */
function pageEntry(page: PageRecord): object {
  return {
    url: page.url,
    ...(page.documentKey !== undefined && { documentKey: page.documentKey }),
    title: page.title,
    siteName: page.siteName,
    ...(page.byline !== undefined && { byline: page.byline }),
    ...(page.publishedTime !== undefined && { publishedTime: page.publishedTime }),
    createdAt: page.createdAt,
    updatedAt: page.updatedAt,
    ...(page.actors !== undefined && { actors: [...page.actors] }),
  };
}

const tagEntry = (tag: TagRecord): object => ({ key: tag.key, label: tag.label, createdAt: tag.createdAt });

function entityTagEntry(tag: EntityTagRecord): object {
  return {
    id: tag.id,
    pageUrl: tag.pageUrl,
    entityKey: tag.entityKey,
    kind: tag.kind,
    name: tag.name,
    canonical: tag.canonical,
    status: tag.status,
    createdAt: tag.createdAt,
    updatedAt: tag.updatedAt,
  };
}

function actorEntry(actor: UserActorRecord): object {
  return {
    id: actor.id,
    canonical: actor.canonical,
    aliases: [...actor.aliases],
    extendsBuiltin: actor.extendsBuiltin,
    nameKeys: [...actor.nameKeys],
    createdAt: actor.createdAt,
    updatedAt: actor.updatedAt,
  };
}

/** Every AliasPickRecord field; the page only for a pick on a page, so a round trip is exact. */
function aliasPickEntry(pick: AliasPickRecord): object {
  return {
    id: pick.id,
    scope: pick.scope,
    ...(pick.pageUrl !== undefined && { pageUrl: pick.pageUrl }),
    name: pick.name,
    nameKey: pick.nameKey,
    actor: pick.actor,
    createdAt: pick.createdAt,
    updatedAt: pick.updatedAt,
  };
}

const settingEntry = (setting: SettingRecord): object => ({ key: setting.key, value: setting.value, updatedAt: setting.updatedAt });

const pausedSiteEntry = (paused: PausedSiteRecord): object => ({ site: paused.site, pausedAt: paused.pausedAt });

/** The newest change among all records (tags only have a creation time), or undefined for no records. */
function newestChange(snapshot: GlossSnapshot): string | undefined {
  const times = [
    ...snapshot.pages.map((r) => r.updatedAt),
    ...snapshot.annotations.map((r) => r.updatedAt),
    ...snapshot.tags.map((r) => r.createdAt),
    ...snapshot.entityTags.map((r) => r.updatedAt),
    ...snapshot.actors.map((r) => r.updatedAt),
    ...(snapshot.aliasPicks ?? []).map((r) => r.updatedAt),
    ...(snapshot.settings ?? []).map((r) => r.updatedAt),
    ...(snapshot.pausedSites ?? []).map((r) => r.pausedAt),
  ];
  // A loop, not Math.max(...times): a spread of 100,000 numbers can overflow the call stack.
  let newest = -Infinity;
  for (const time of times) if (time > newest) newest = time;
  return Number.isFinite(newest) ? iso(newest) : undefined;
}

export function backupDocument(snapshot: GlossSnapshot): BackupDocument {
  // In the order of the IRIs written, which an imported highlight keeps while its id is made anew.
  const annotations = [...snapshot.annotations].map(toWebAnnotation).sort(byKey((r) => r.id));
  const generated = newestChange(snapshot);
  return {
    '@context': BACKUP_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Gloss backup',
    total: annotations.length,
    'gloss:version': BACKUP_FORMAT_VERSION,
    ...(generated !== undefined && { generated }),
    first: { type: 'AnnotationPage', items: annotations },
    'gloss:pages': [...snapshot.pages].sort(byKey((r) => r.url)).map(pageEntry),
    'gloss:tags': [...snapshot.tags].sort(byKey((r) => r.key)).map(tagEntry),
    'gloss:entityTags': [...snapshot.entityTags].sort(byKey((r) => r.id)).map(entityTagEntry),
    'gloss:actors': [...snapshot.actors].sort(byKey((r) => r.id)).map(actorEntry),
    'gloss:aliasPicks': [...(snapshot.aliasPicks ?? [])].sort(byKey((r) => r.id)).map(aliasPickEntry),
    // A backup of everything only: a page's export leaves the browser's own records out.
    ...(snapshot.settings && { 'gloss:settings': [...snapshot.settings].sort(byKey((r) => r.key)).map(settingEntry) }),
    ...(snapshot.pausedSites && { 'gloss:pausedSites': [...snapshot.pausedSites].sort(byKey((r) => r.site)).map(pausedSiteEntry) }),
  };
}

/** The backup file's text: pretty-printed with two spaces, byte for byte the same for the same data. */
export function backupJson(snapshot: GlossSnapshot): string {
  return `${JSON.stringify(backupDocument(snapshot), null, 2)}\n`;
}
