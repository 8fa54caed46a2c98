import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { annotationIri, idForIri } from '@/lib/storage/annotation-ids';
import { claimWelcome } from '@/lib/storage/settings-store';
import { annotationsForDocument, pageForDocument } from '@/lib/storage/document-store';
import { GlossDatabase } from '@/lib/storage/database';
import type { AnnotationRecord } from '@/lib/storage/records';

/** Schema 1 exactly as it shipped; frozen here so the upgrade is tested against real old data. */
function openVersion1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    pages: 'url, updatedAt',
    annotations: 'id, pageUrl, *tags, color, updatedAt',
    tags: 'key',
  });
  return db;
}

const PAGE = { url: 'https://news.example/storm-1152', title: 'Storm-1152', siteName: 'News', createdAt: 1, updatedAt: 2 };
const ANNOTATION = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  pageUrl: PAGE.url,
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'Storm-1152', prefix: 'by ', suffix: ' sold' },
    position: { type: 'TextPositionSelector', start: 10, end: 20 },
  },
  color: 'green',
  note: 'a note',
  tags: ['apt'],
  createdAt: 1,
  updatedAt: 2,
};
const TAG = { key: 'apt', label: 'APT', createdAt: 1 };

/** Schema 2 exactly as it shipped (schema 1 plus version 2's stores and upgrade). */
function openVersion2(name: string): Dexie {
  const db = openVersion1(name);
  db.version(2)
    .stores({
      pages: 'url, updatedAt, *actors',
      entityTags: 'id, pageUrl, entityKey, status',
      actors: 'id, *nameKeys',
    })
    .upgrade((tx) =>
      tx
        .table('pages')
        .toCollection()
        .modify((page: { actors?: string[] }) => {
          page.actors ??= [];
        }),
    );
  return db;
}

let names: string[] = [];
afterEach(async () => {
  await Promise.all(names.map((name) => Dexie.delete(name)));
  names = [];
});

describe('database upgrade from schema 1 to 2', () => {
  it('keeps every page, highlight and tag, and indexes pages by actor', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = openVersion1(name);
    await old.table('pages').put(PAGE);
    await old.table('annotations').put(ANNOTATION);
    await old.table('tags').put(TAG);
    old.close();

    const db = new GlossDatabase(name);
    expect(await db.pages.get(PAGE.url)).toEqual({ ...PAGE, actors: [] });
    expect(await db.annotations.get(ANNOTATION.id)).toEqual(ANNOTATION);
    expect(await db.annotations.where('tags').equals('apt').count()).toBe(1);
    expect(await db.tags.get('apt')).toEqual(TAG);
    expect(db.verno).toBeGreaterThanOrEqual(2);

    await db.pages.update(PAGE.url, { actors: ['scattered spider'] });
    expect((await db.pages.where('actors').equals('scattered spider').toArray()).map((p) => p.url)).toEqual([PAGE.url]);
    expect(await db.entityTags.count()).toBe(0);
    expect(await db.actors.count()).toBe(0);
    db.close();
  });
});

describe('database upgrade from schema 2 to 3', () => {
  it('keeps every record of every table, and adds an empty table of paused sites', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const page = { ...PAGE, actors: ['scattered spider'] };
    const entityTag = {
      id: `${PAGE.url}\nthreat-actor:storm-1152`,
      pageUrl: PAGE.url,
      entityKey: 'threat-actor:storm-1152',
      kind: 'threat-actor',
      name: 'Storm-1152',
      canonical: 'Storm-1152',
      status: 'confirmed',
      createdAt: 1,
      updatedAt: 2,
    };
    const actor = {
      id: 'crimson heron',
      canonical: 'Crimson Heron',
      aliases: ['CH'],
      extendsBuiltin: false,
      nameKeys: ['crimson heron', 'ch'],
      createdAt: 1,
      updatedAt: 2,
    };
    const old = openVersion2(name);
    await old.table('pages').put(page);
    await old.table('annotations').put(ANNOTATION);
    await old.table('tags').put(TAG);
    await old.table('entityTags').put(entityTag);
    await old.table('actors').put(actor);
    expect(old.verno).toBe(2);
    old.close();

    const db = new GlossDatabase(name);
    expect(await db.pages.toArray()).toEqual([page]);
    expect(await db.annotations.toArray()).toEqual([ANNOTATION]);
    expect(await db.tags.toArray()).toEqual([TAG]);
    expect(await db.entityTags.toArray()).toEqual([entityTag]);
    expect(await db.actors.toArray()).toEqual([actor]);
    expect((await db.pages.where('actors').equals('scattered spider').toArray()).map((p) => p.url)).toEqual([PAGE.url]);
    expect(await db.actors.where('nameKeys').equals('ch').count()).toBe(1);
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.pausedSites.count()).toBe(0);
    await db.pausedSites.add({ site: 'news.example', pausedAt: 5 });
    expect(await db.pausedSites.get('news.example')).toEqual({ site: 'news.example', pausedAt: 5 });
    db.close();
  });
});

/** Schema 3 exactly as it shipped (schema 2 plus the paused sites). */
function openVersion3(name: string): Dexie {
  const db = openVersion2(name);
  db.version(3).stores({ pausedSites: 'site' });
  return db;
}

describe('database upgrade from schema 3 to 4', () => {
  it('gives highlights whose ids are not UUIDs the id an import gives them, keeping their IRI and everything else', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const legacy = { ...ANNOTATION, id: 'legacy/1 ü?#%' };
    const foreign = { ...ANNOTATION, id: 'https://hypothes.is/a/abc123', note: 'from another tool' };
    const huge = { ...ANNOTATION, id: 'ü'.repeat(1_000), note: 'a 1,000-character id' };
    const old = openVersion3(name);
    await old.table('annotations').bulkPut([ANNOTATION, legacy, foreign, huge]);
    old.close();

    const db = new GlossDatabase(name);
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.annotations.count()).toBe(4);
    expect(await db.annotations.get(ANNOTATION.id)).toEqual(ANNOTATION);
    const legacyIri = annotationIri(legacy.id);
    expect(await db.annotations.get(idForIri(legacyIri).id)).toEqual({ ...legacy, id: idForIri(legacyIri).id, iri: legacyIri });
    expect(await db.annotations.get(idForIri(foreign.id).id)).toEqual({ ...foreign, id: idForIri(foreign.id).id, iri: foreign.id });
    // An IRI too long to keep is dropped; the record keeps its id in Gloss's form and all it held.
    const hugeId = idForIri(annotationIri(huge.id)).id;
    expect(await db.annotations.get(hugeId)).toEqual({ ...huge, id: hugeId });
    expect((await db.annotations.toArray()).every((r) => r.id.length === 36)).toBe(true);
    expect(await db.annotations.where('tags').equals('apt').count()).toBe(4);
    db.close();
  });

  it('clamps pages to the record limits: a title made from a long address, a list of over 1,000 actors', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const longUrl = `https://news.example/${'a'.repeat(3_000)}`;
    const actors = Array.from({ length: 1_200 }, (_, i) => `actor ${String(i).padStart(4, '0')}`);
    const old = openVersion3(name);
    await old.table('pages').bulkPut([
      { ...PAGE, actors: [] },
      { ...PAGE, url: longUrl, title: longUrl, actors },
    ]);
    old.close();

    const db = new GlossDatabase(name);
    expect(await db.pages.get(PAGE.url)).toEqual({ ...PAGE, actors: [] });
    const clamped = await db.pages.get(longUrl);
    expect(clamped).toEqual({ ...PAGE, url: longUrl, title: longUrl.slice(0, 500), actors: actors.slice(0, 1_000) });
    expect(await db.pages.where('actors').equals('actor 0999').count()).toBe(1);
    expect(await db.pages.where('actors').equals('actor 1000').count()).toBe(0);
    db.close();
  });
});

describe('database upgrade from schema 4 to 5', () => {
  it('keeps everything and adds an empty settings table; the welcome page is claimed once', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = openVersion3(name);
    old.version(4).stores({});
    await old.table('annotations').put(ANNOTATION);
    await old.table('pages').put({ ...PAGE, actors: [] });
    await old.table('pausedSites').put({ site: 'news.example', pausedAt: 5 });
    old.close();

    const db = new GlossDatabase(name);
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.annotations.toArray()).toEqual([ANNOTATION]);
    expect(await db.pages.get(PAGE.url)).toEqual({ ...PAGE, actors: [] });
    expect(await db.pausedSites.toArray()).toEqual([{ site: 'news.example', pausedAt: 5 }]);
    expect(await db.settings.count()).toBe(0);
    expect(await claimWelcome(db, 10)).toBe(true);
    expect(await claimWelcome(db, 20)).toBe(false);
    expect(await db.settings.get('welcome-shown-at')).toEqual({ key: 'welcome-shown-at', value: 10, updatedAt: 10 });
    db.close();
  });
});

describe('database upgrade from schema 5 to 6', () => {
  it('keeps everything and adds empty sync tables', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = openVersion3(name);
    old.version(4).stores({});
    old.version(5).stores({ settings: 'key' });
    await old.table('annotations').put(ANNOTATION);
    await old.table('pages').put({ ...PAGE, actors: [] });
    await old.table('tags').put(TAG);
    await old.table('settings').put({ key: 'default-color', value: 'green', updatedAt: 3 });
    old.close();

    const db = new GlossDatabase(name);
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.annotations.toArray()).toEqual([ANNOTATION]);
    expect(await db.pages.get(PAGE.url)).toEqual({ ...PAGE, actors: [] });
    expect(await db.tags.toArray()).toEqual([TAG]);
    expect(await db.settings.toArray()).toEqual([{ key: 'default-color', value: 'green', updatedAt: 3 }]);
    expect(await db.syncRecords.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    db.close();
  });
});

/** Schema 6 exactly as it shipped (made at version 6, so no earlier upgrade runs). */
function openVersion6(name: string): Dexie {
  const db = openVersion3(name);
  db.version(4).stores({});
  db.version(5).stores({ settings: 'key' });
  db.version(6).stores({ syncRecords: 'id', syncState: 'key' });
  return db;
}

describe('database upgrade from schema 6 to 7', () => {
  const KEY = 'urn:x-pdf:7524424c8dd47c47d284cf6ed827a72b';

  it('keeps every record as it was, and finds PDFs by document key from then on', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = openVersion6(name);
    await old.table('annotations').put(ANNOTATION);
    await old.table('pages').put({ ...PAGE, actors: ['storm-1152'] });
    await old.table('tags').put(TAG);
    await old
      .table('entityTags')
      .put({ id: `${PAGE.url}\nthreat-actor:storm-1152`, pageUrl: PAGE.url, entityKey: 'threat-actor:storm-1152' });
    await old.table('settings').put({ key: 'default-color', value: 'green', updatedAt: 3 });
    await old.table('syncState').put({ key: 'account', value: { server: 'https://dav.example/' } });
    old.close();

    const db = new GlossDatabase(name);
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.annotations.toArray()).toEqual([ANNOTATION]);
    expect(await db.pages.toArray()).toEqual([{ ...PAGE, actors: ['storm-1152'] }]);
    expect(await db.tags.toArray()).toEqual([TAG]);
    expect(await db.entityTags.count()).toBe(1);
    expect(await db.settings.toArray()).toEqual([{ key: 'default-color', value: 'green', updatedAt: 3 }]);
    expect(await db.syncState.toArray()).toEqual([{ key: 'account', value: { server: 'https://dav.example/' } }]);
    // The old page and highlight have no key: the new indexes leave them out rather than failing.
    expect(await db.pages.where('documentKey').equals(KEY).count()).toBe(0);
    expect(await db.annotations.where('pageUrl').equals(PAGE.url).count()).toBe(1);

    const pdfPage = {
      url: 'https://reports.example/storm.pdf',
      documentKey: KEY,
      title: 'Storm',
      siteName: null,
      createdAt: 5,
      updatedAt: 5,
    };
    const pdfHighlight = {
      ...ANNOTATION,
      id: '0d2f1c5e-4c1b-4f5e-9a55-2f0c4a1c9a10',
      pageUrl: pdfPage.url,
      documentKey: KEY,
    } as AnnotationRecord;
    await db.pages.put(pdfPage);
    await db.annotations.put(pdfHighlight);
    expect(await pageForDocument(db, KEY)).toEqual(pdfPage);
    expect(await annotationsForDocument(db, null, KEY)).toEqual([pdfHighlight]);
    db.close();
  });
});

describe('database upgrade from schema 7 to 8', () => {
  it('keeps everything, verdicts and actors included, and adds an empty table of alias picks', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = openVersion3(name);
    old.version(4).stores({});
    old.version(5).stores({ settings: 'key' });
    old.version(6).stores({ syncRecords: 'id', syncState: 'key' });
    old
      .version(7)
      .stores({ pages: 'url, updatedAt, *actors, documentKey', annotations: 'id, pageUrl, *tags, color, updatedAt, documentKey' });
    const verdict = {
      id: `${PAGE.url}\nthreat-actor:apt28`,
      pageUrl: PAGE.url,
      entityKey: 'threat-actor:apt28',
      kind: 'threat-actor',
      name: 'Grizzly Steppe',
      canonical: 'APT28',
      status: 'confirmed',
      createdAt: 1,
      updatedAt: 2,
    };
    const actor = {
      id: 'apt29',
      canonical: 'APT29',
      aliases: ['Grizzly Steppe'],
      extendsBuiltin: true,
      nameKeys: ['apt29', 'grizzly steppe'],
      createdAt: 1,
      updatedAt: 2,
    };
    await old.table('annotations').put(ANNOTATION);
    await old.table('pages').put({ ...PAGE, actors: ['apt28'] });
    await old.table('tags').put(TAG);
    await old.table('entityTags').put(verdict);
    await old.table('actors').put(actor);
    await old.table('syncState').put({ key: 'meta', value: { deviceId: 'd1' } });
    old.close();

    const db = new GlossDatabase(name);
    expect(db.verno).toBe(8);
    expect(await db.annotations.toArray()).toEqual([ANNOTATION]);
    expect(await db.pages.get(PAGE.url)).toEqual({ ...PAGE, actors: ['apt28'] });
    expect(await db.tags.toArray()).toEqual([TAG]);
    expect(await db.entityTags.toArray()).toEqual([verdict]);
    expect(await db.actors.toArray()).toEqual([actor]);
    expect(await db.syncState.toArray()).toEqual([{ key: 'meta', value: { deviceId: 'd1' } }]);
    expect(await db.aliasPicks.count()).toBe(0);
    db.close();
  });
});
