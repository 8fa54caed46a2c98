/**
 * Reads a backup file (see backup-format.ts) into a snapshot the database can import, checking every
 * field as hostile input. The answer names the first problem and where it is ("Annotation 12 has no
 * TextQuoteSelector."); bad input never throws.
 */
import type { GlossSnapshot } from '../page-export';
import type { AnnotationRecord, EntityTagRecord, PageRecord, TagRecord } from '../../storage/records';
import { tagKey } from '../../storage/tags';
import { BACKUP_FORMAT_VERSION } from './backup-format';
import { parseAnnotation } from './parse-annotation';
import { parseActor, parseEntityTag, parsePage, parseTag } from './parse-records';
import { BackupProblem, fail, isObject, own, readArray, type JsonObject } from './read-fields';

/**
 * The largest backup text accepted, in UTF-16 code units (checked before parsing, so a huge file costs
 * nothing). A Gloss annotation takes about 1 KB in the file, so 100,000 annotations over 5,000 pages
 * come to roughly 100 MB; 256 MiB leaves room for long quotes and notes while staying well under the
 * longest string a browser can hold (about 512 MiB in V8) and what JSON.parse can build in memory.
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

const MAX_ANNOTATIONS = 1_000_000;
const MAX_PAGES = 1_000_000;
const MAX_TAGS = 1_000_000;
const MAX_ENTITY_TAGS = 1_000_000;
const MAX_ACTORS = 100_000;

export type ParsedBackup = { ok: true; snapshot: GlossSnapshot } | { ok: false; message: string };

const NOT_A_BACKUP = 'This file is not a Gloss backup';
const shown = (value: unknown): string => (JSON.stringify(value) ?? String(value)).slice(0, 40);

function checkVersion(collection: JsonObject): void {
  const version = own(collection, 'gloss:version');
  const supported = `this Gloss reads version ${BACKUP_FORMAT_VERSION}`;
  if (version === undefined) fail(`${NOT_A_BACKUP}: it has no gloss:version, so no Gloss made it.`);
  if (!Number.isSafeInteger(version)) fail(`${NOT_A_BACKUP}: its gloss:version is ${shown(version)}, not a version number; ${supported}.`);
  if ((version as number) > BACKUP_FORMAT_VERSION) {
    fail(`This backup was made by a newer Gloss (format version ${version}); ${supported}. Update Gloss and try again.`);
  }
  if (version !== BACKUP_FORMAT_VERSION) fail(`This backup has format version ${version}, which Gloss never wrote; ${supported}.`);
}

/** The annotations, all in the collection's one embedded page; `total`, when given, must agree. */
function annotationItems(collection: JsonObject): unknown[] {
  const first = own(collection, 'first');
  let items: unknown[] = [];
  if (typeof first === 'string') fail('The backup links to its annotations instead of holding them; Gloss needs them in the file.');
  if (first !== undefined) {
    if (!isObject(first)) fail('The backup\'s "first" is not an AnnotationPage.');
    if (own(first, 'next') !== undefined) fail('The backup spans several AnnotationPages; Gloss reads backups holding all annotations in one.');
    items = readArray(own(first, 'items'), 'The backup\'s annotation list', MAX_ANNOTATIONS);
  }
  const total = own(collection, 'total');
  if (total !== undefined && total !== items.length) {
    fail(`The backup says it holds ${shown(total)} annotations but has ${items.length}; it may be cut short.`);
  }
  return items;
}

/** An optional `gloss:` list, each entry read by `parse` and named by its place ("Page 3"). */
function section<T>(collection: JsonObject, key: string, noun: string, max: number, parse: (value: unknown, place: string) => T): T[] {
  const value = own(collection, key);
  if (value === undefined) return [];
  return readArray(value, `The backup's ${key}`, max).map((entry, i) => parse(entry, `${noun} ${i + 1}`));
}

function refuseDuplicates<T>(records: readonly T[], key: (record: T) => string, noun: string, field: string): void {
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const earlier = seen.get(key(record));
    if (earlier !== undefined) fail(`${noun} ${i + 1} has the same ${field} as ${noun.toLowerCase()} ${earlier + 1}.`);
    seen.set(key(record), i);
  });
}

/**
 * Pages that annotations or entity tags point to but the file does not list (annotation files from other
 * tools list none): a minimal page titled with its address, spanning its records' times.
 */
function addMissingPages(pages: PageRecord[], records: readonly (AnnotationRecord | EntityTagRecord)[]): void {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const made = new Set<PageRecord>();
  for (const record of records) {
    const page = byUrl.get(record.pageUrl);
    if (!page) {
      const minimal: PageRecord = {
        url: record.pageUrl, title: record.pageUrl.slice(0, 500), siteName: null,
        createdAt: record.createdAt, updatedAt: record.updatedAt, actors: [],
      };
      byUrl.set(minimal.url, minimal);
      made.add(minimal);
      pages.push(minimal);
    } else if (made.has(page)) {
      page.createdAt = Math.min(page.createdAt, record.createdAt);
      page.updatedAt = Math.max(page.updatedAt, record.updatedAt);
    }
  }
}

/** Tags that annotations use but the file does not list, spelled as first used. */
function addMissingTags(tags: TagRecord[], annotations: readonly AnnotationRecord[]): void {
  const keys = new Set(tags.map((tag) => tag.key));
  for (const annotation of annotations) {
    for (const label of annotation.tags) {
      const key = tagKey(label);
      if (keys.has(key)) continue;
      keys.add(key);
      tags.push({ key, label, createdAt: annotation.createdAt });
    }
  }
}

function readSnapshot(data: unknown): GlossSnapshot {
  if (!isObject(data)) fail(`${NOT_A_BACKUP}: it holds no annotation collection.`);
  const types = own(data, 'type');
  if (!(types === 'AnnotationCollection' || (Array.isArray(types) && types.includes('AnnotationCollection')))) {
    fail(`${NOT_A_BACKUP}: it is not a W3C AnnotationCollection.`);
  }
  checkVersion(data);
  const annotations = annotationItems(data).map((item, i) => parseAnnotation(item, `Annotation ${i + 1}`));
  const snapshot: GlossSnapshot = {
    pages: section(data, 'gloss:pages', 'Page', MAX_PAGES, parsePage),
    annotations,
    tags: section(data, 'gloss:tags', 'Tag', MAX_TAGS, parseTag),
    entityTags: section(data, 'gloss:entityTags', 'Entity tag', MAX_ENTITY_TAGS, parseEntityTag),
    actors: section(data, 'gloss:actors', 'Actor', MAX_ACTORS, parseActor),
  };
  refuseDuplicates(snapshot.annotations, (r) => r.id, 'Annotation', 'id');
  refuseDuplicates(snapshot.pages, (r) => r.url, 'Page', 'url');
  refuseDuplicates(snapshot.tags, (r) => r.key, 'Tag', 'key');
  refuseDuplicates(snapshot.entityTags, (r) => r.id, 'Entity tag', 'page and entity');
  refuseDuplicates(snapshot.actors, (r) => r.id, 'Actor', 'id');
  addMissingPages(snapshot.pages, [...snapshot.annotations, ...snapshot.entityTags]);
  addMissingTags(snapshot.tags, snapshot.annotations);
  return snapshot;
}

export function parseBackup(text: string): ParsedBackup {
  if (typeof text !== 'string') return { ok: false, message: `${NOT_A_BACKUP}: it is not text.` };
  if (text.length > MAX_BACKUP_BYTES) {
    const size = Math.round(text.length / 1024 / 1024);
    return { ok: false, message: `This file is too large for a Gloss backup (${size} MiB; the limit is ${MAX_BACKUP_BYTES / 1024 / 1024} MiB).` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: `${NOT_A_BACKUP}: it is not valid JSON (it may be cut short or another kind of file).` };
  }
  try {
    return { ok: true, snapshot: readSnapshot(data) };
  } catch (error) {
    if (error instanceof BackupProblem) return { ok: false, message: error.message };
    // Not a problem the checks foresaw (say, a stack overflow on absurd nesting): still an answer, not a throw.
    return { ok: false, message: `${NOT_A_BACKUP}: it could not be read.` };
  }
}
