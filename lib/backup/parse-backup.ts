/**
 * Reads a backup file (see backup-format.ts) into a snapshot the database can import, checking every
 * field as hostile input; bad input never throws.
 * - A file that is no Gloss backup (not JSON, no AnnotationCollection, another format version, lists
 *   that are not lists) is refused whole: the answer names the problem.
 * - Inside a Gloss backup, a record that breaks the rules (record-schemas.ts) is skipped, and the answer
 *   lists it with its place and why ("Annotation 12 has no TextQuoteSelector."); so is a record with the
 *   same id as an earlier one. Everything else is kept.
 */
import type { GlossSnapshot } from '../export/page-export';
import { BACKUP_FORMAT_VERSION } from './backup-format';
import { isKnownSetting, parsePausedSite, parseSetting } from '../storage/device-records';
import { parseAnnotation } from './parse-annotation';
import { parseActor, parseAliasPick, parseEntityTag, parsePage, parseTag } from './parse-records';
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
const MAX_ALIAS_PICKS = 1_000_000;
const MAX_SETTINGS = 1_000;
const MAX_PAUSED_SITES = 100_000;

/** A record left out of the import: its place in the file ("Annotation 17") and the whole reason. */
export interface SkippedRecord {
  place: string;
  message: string;
}

export type ParsedBackup = { ok: true; snapshot: GlossSnapshot; skipped: SkippedRecord[] } | { ok: false; message: string };

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
    if (own(first, 'next') !== undefined)
      fail('The backup spans several AnnotationPages; Gloss reads backups holding all annotations in one.');
    items = readArray(own(first, 'items'), "The backup's annotation list", MAX_ANNOTATIONS);
  }
  const total = own(collection, 'total');
  if (total !== undefined && total !== items.length) {
    fail(`The backup says it holds ${shown(total)} annotations but has ${items.length}; it may be cut short.`);
  }
  return items;
}

type Parse<T> = (value: unknown, place: string) => T;

/**
 * Each entry read by `parse` and named by its place ("Page 3"); one that breaks the rules, or has the
 * same key as an earlier one, is skipped and listed in `skipped`.
 */
function readEach<T>(
  entries: unknown[],
  noun: string,
  parse: Parse<T>,
  key: (record: T) => string,
  field: string,
  skipped: SkippedRecord[],
): T[] {
  const kept: T[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const place = `${noun} ${i + 1}`;
    try {
      const record = parse(entry, place);
      const earlier = seen.get(key(record));
      if (earlier !== undefined) fail(`${place} has the same ${field} as ${noun.toLowerCase()} ${earlier}.`);
      seen.set(key(record), i + 1);
      kept.push(record);
    } catch (error) {
      if (!(error instanceof BackupProblem)) throw error;
      skipped.push({ place, message: error.message });
    }
  });
  return kept;
}

/** An optional `gloss:` list; a value that is not a list makes the file no Gloss backup. */
function section(collection: JsonObject, key: string, max: number): unknown[] {
  const value = own(collection, key);
  return value === undefined ? [] : readArray(value, `The backup's ${key}`, max);
}

function readSnapshot(data: unknown): { snapshot: GlossSnapshot; skipped: SkippedRecord[] } {
  if (!isObject(data)) fail(`${NOT_A_BACKUP}: it holds no annotation collection.`);
  const types = own(data, 'type');
  if (!(types === 'AnnotationCollection' || (Array.isArray(types) && types.includes('AnnotationCollection')))) {
    fail(`${NOT_A_BACKUP}: it is not a W3C AnnotationCollection.`);
  }
  checkVersion(data);
  // The file's shape first: a list that is not one refuses the file before any record is read.
  const items = annotationItems(data);
  const lists = {
    pages: section(data, 'gloss:pages', MAX_PAGES),
    tags: section(data, 'gloss:tags', MAX_TAGS),
    entityTags: section(data, 'gloss:entityTags', MAX_ENTITY_TAGS),
    actors: section(data, 'gloss:actors', MAX_ACTORS),
    aliasPicks: section(data, 'gloss:aliasPicks', MAX_ALIAS_PICKS),
    settings: own(data, 'gloss:settings') === undefined ? undefined : section(data, 'gloss:settings', MAX_SETTINGS),
    pausedSites: own(data, 'gloss:pausedSites') === undefined ? undefined : section(data, 'gloss:pausedSites', MAX_PAUSED_SITES),
  };
  const skipped: SkippedRecord[] = [];
  const snapshot: GlossSnapshot = {
    annotations: readEach(items, 'Annotation', parseAnnotation, (r) => r.id, 'id', skipped),
    pages: readEach(lists.pages, 'Page', parsePage, (r) => r.url, 'url', skipped),
    tags: readEach(lists.tags, 'Tag', parseTag, (r) => r.key, 'key', skipped),
    entityTags: readEach(lists.entityTags, 'Entity tag', parseEntityTag, (r) => r.id, 'page and entity', skipped),
    actors: readEach(lists.actors, 'Actor', parseActor, (r) => r.id, 'id', skipped),
    aliasPicks: readEach(lists.aliasPicks, 'Alias pick', parseAliasPick, (r) => r.id, 'page and name', skipped),
    // Absent from older files and from a page's export: then the import leaves them as they are.
    ...(lists.settings && {
      settings: readEach(lists.settings, 'Setting', parseSetting, (r) => r.key, 'key', skipped).filter(isKnownSetting),
    }),
    ...(lists.pausedSites && {
      pausedSites: readEach(lists.pausedSites, 'Paused site', parsePausedSite, (r) => r.site, 'site', skipped),
    }),
  };
  return { snapshot, skipped };
}

export function parseBackup(text: string): ParsedBackup {
  if (typeof text !== 'string') return { ok: false, message: `${NOT_A_BACKUP}: it is not text.` };
  if (text.length > MAX_BACKUP_BYTES) {
    const size = Math.round(text.length / 1024 / 1024);
    return {
      ok: false,
      message: `This file is too large for a Gloss backup (${size} MiB; the limit is ${MAX_BACKUP_BYTES / 1024 / 1024} MiB).`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: `${NOT_A_BACKUP}: it is not valid JSON (it may be cut short or another kind of file).` };
  }
  try {
    return { ok: true, ...readSnapshot(data) };
  } catch (error) {
    if (error instanceof BackupProblem) return { ok: false, message: error.message };
    // Not a problem the checks foresaw (say, a stack overflow on absurd nesting): still an answer, not a throw.
    return { ok: false, message: `${NOT_A_BACKUP}: it could not be read.` };
  }
}
