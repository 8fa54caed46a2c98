import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GlossSnapshot } from '@/lib/export/page-export';
import { parseBackup } from '@/lib/backup/parse-backup';
import { backupJson } from '@/lib/backup/to-json-ld';
import { importSnapshot, readSnapshot } from '@/lib/storage/backup-store';
import { GlossDatabase } from '@/lib/storage/database';
import type { AnnotationRecord } from '@/lib/storage/records';
import { NEWS, REPORT, UUID_ID, richSnapshot, sortedSnapshot } from '../backup/rich-snapshot';

const none = { added: 0, updated: 0, skipped: 0 };

let db: GlossDatabase;
const opened: GlossDatabase[] = [];
function newDatabase(): GlossDatabase {
  const database = new GlossDatabase(`test-${crypto.randomUUID()}`);
  opened.push(database);
  return database;
}
beforeEach(() => {
  db = newDatabase();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.delete()));
});

/** Stores records as they are, without the merge under test. */
async function store(database: GlossDatabase, snapshot: GlossSnapshot): Promise<void> {
  await database.pages.bulkPut(snapshot.pages);
  await database.annotations.bulkPut(snapshot.annotations);
  await database.tags.bulkPut(snapshot.tags);
  await database.entityTags.bulkPut(snapshot.entityTags);
  await database.actors.bulkPut(snapshot.actors);
  await database.aliasPicks.bulkPut(snapshot.aliasPicks ?? []);
  await database.settings.bulkPut(snapshot.settings ?? []);
  await database.pausedSites.bulkPut(snapshot.pausedSites ?? []);
}

function parsed(text: string): GlossSnapshot {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.message);
  return result.snapshot;
}

describe('readSnapshot', () => {
  it('reads every record, sorted by key', async () => {
    await store(db, richSnapshot());
    expect(await readSnapshot(db)).toStrictEqual(sortedSnapshot(richSnapshot()));
  });

  it('reads only the given pages with their annotations, verdicts and tags, and every user actor', async () => {
    await store(db, richSnapshot());
    const snapshot = await readSnapshot(db, [NEWS, NEWS, 'https://unknown.example/']);
    expect(snapshot.pages.map((r) => r.url)).toEqual([NEWS]);
    expect(snapshot.annotations.map((r) => r.pageUrl)).toEqual([NEWS, NEWS]);
    expect(snapshot.tags.map((r) => r.key)).toEqual(['apt', 'phishing', 'ransomware']);
    expect(snapshot.entityTags.map((r) => r.entityKey)).toEqual(['threat-actor:storm-1152']);
    expect(snapshot.actors.map((r) => r.id)).toEqual(['gold harvest', 'scattered spider']);
    expect(snapshot.aliasPicks?.map((r) => r.id)).toEqual(['*\ncharming kitten', `${NEWS}\ngrizzly steppe`]);
  });

  it('takes pages and annotations the caller holds, giving the same snapshot, and leaves the caller’s arrays alone', async () => {
    await store(db, richSnapshot());
    const loaded = { pages: (await db.pages.toArray()).reverse(), annotations: (await db.annotations.toArray()).reverse() };
    const order = loaded.annotations.map((r) => r.id);
    expect(await readSnapshot(db, undefined, loaded)).toStrictEqual(await readSnapshot(db));
    expect(await readSnapshot(db, [NEWS, 'https://unknown.example/'], loaded)).toStrictEqual(
      await readSnapshot(db, [NEWS, 'https://unknown.example/']),
    );
    expect(loaded.annotations.map((r) => r.id)).toEqual(order);
  });
});

describe('a backup round trip', () => {
  it('restores into an empty database exactly what was backed up, to the byte', async () => {
    await store(db, richSnapshot());
    const text = backupJson(await readSnapshot(db));
    const fresh = newDatabase();
    const report = await importSnapshot(fresh, parsed(text));
    expect(report).toMatchObject({
      added: 20,
      updated: 0,
      skipped: 0,
      aliasPicks: { added: 2, updated: 0, skipped: 0 },
      settings: { added: 2, updated: 0, skipped: 0 },
      pausedSites: { added: 2, updated: 0, skipped: 0 },
      annotations: { added: 4, updated: 0, skipped: 0 },
    });
    expect(backupJson(await readSnapshot(fresh))).toBe(text);
    expect(await readSnapshot(fresh)).toStrictEqual(await readSnapshot(db));
  });

  it('changes nothing when the same file is imported twice', async () => {
    const text = backupJson(richSnapshot());
    await importSnapshot(db, parsed(text));
    const before = await readSnapshot(db);
    const report = await importSnapshot(db, parsed(text));
    expect(report).toEqual({
      added: 0,
      updated: 0,
      skipped: 20,
      pages: { ...none, skipped: 3 },
      annotations: { ...none, skipped: 4 },
      tags: { ...none, skipped: 3 },
      entityTags: { ...none, skipped: 2 },
      actors: { ...none, skipped: 2 },
      aliasPicks: { ...none, skipped: 2 },
      settings: { ...none, skipped: 2 },
      pausedSites: { ...none, skipped: 2 },
    });
    expect(await readSnapshot(db)).toStrictEqual(before);
  });
});

describe('merging into records already here', () => {
  const local = (): AnnotationRecord => ({ ...richSnapshot().annotations[0], note: 'local', updatedAt: 5_000 });
  const only = (annotations: AnnotationRecord[]): GlossSnapshot => ({ pages: [], annotations, tags: [], entityTags: [], actors: [] });

  it('takes an incoming record that changed later', async () => {
    await store(db, richSnapshot());
    await db.annotations.put(local());
    const report = await importSnapshot(db, only([{ ...local(), note: 'incoming', updatedAt: 6_000 }]));
    expect(report.annotations).toEqual({ added: 0, updated: 1, skipped: 0 });
    expect((await db.annotations.get(UUID_ID))?.note).toBe('incoming');
  });

  it('keeps the local record when the incoming one is older or as old', async () => {
    await store(db, richSnapshot());
    await db.annotations.put(local());
    const report = await importSnapshot(db, only([{ ...local(), note: 'older', updatedAt: 4_000 }]));
    expect(report.annotations).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect(await importSnapshot(db, only([{ ...local(), note: 'same time', updatedAt: 5_000 }]))).toMatchObject({
      annotations: { skipped: 1 },
    });
    expect((await db.annotations.get(UUID_ID))?.note).toBe('local');
  });

  it('keeps the actors both sides saw on a page, whichever side is newer', async () => {
    const [page] = richSnapshot().pages.filter((p) => p.url === NEWS);
    await db.pages.put({ ...page, title: 'Local', actors: ['octo tempest', 'storm-1152'], updatedAt: 9 });
    const older = { ...page, title: 'Older', actors: ['apt29'], updatedAt: 1 };
    const report = await importSnapshot(db, { pages: [older], annotations: [], tags: [], entityTags: [], actors: [] });
    expect(report.pages).toEqual({ added: 0, updated: 1, skipped: 0 });
    expect(await db.pages.get(NEWS)).toMatchObject({ title: 'Local', actors: ['apt29', 'octo tempest', 'storm-1152'] });
  });

  it('keeps an author and date only the older side has read', async () => {
    const [page] = richSnapshot().pages.filter((p) => p.url === NEWS);
    const { byline: _b, publishedTime: _p, ...bare } = page;
    await db.pages.put({ ...bare, title: 'Local', byline: 'Newsroom Staff', publishedTime: '2023-12-14', updatedAt: 1 });
    await importSnapshot(db, { pages: [{ ...bare, title: 'Newer', updatedAt: 9 }], annotations: [], tags: [], entityTags: [], actors: [] });
    expect(await db.pages.get(NEWS)).toMatchObject({ title: 'Newer', byline: 'Newsroom Staff', publishedTime: '2023-12-14', updatedAt: 9 });
  });

  it('keeps the local spelling of a tag', async () => {
    await db.tags.put({ key: 'apt', label: 'APT', createdAt: 1 });
    const report = await importSnapshot(db, {
      pages: [],
      annotations: [],
      tags: [{ key: 'apt', label: 'apt', createdAt: 0 }],
      entityTags: [],
      actors: [],
    });
    expect(report.tags).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect(await db.tags.get('apt')).toEqual({ key: 'apt', label: 'APT', createdAt: 1 });
  });

  it('makes up the pages and tags that the imported annotations need and nobody has, dated by the annotations', async () => {
    const [first, second] = richSnapshot().annotations.map((r) => ({ ...r, pageUrl: REPORT, tags: ['new-tag'] }));
    const report = await importSnapshot(
      db,
      only([
        { ...first, createdAt: 10, updatedAt: 30 },
        { ...second, createdAt: 20, updatedAt: 40 },
      ]),
    );
    expect(report).toMatchObject({ added: 4, pages: { added: 1 }, tags: { added: 1 }, annotations: { added: 2 } });
    expect(await db.pages.get(REPORT)).toEqual({ url: REPORT, title: REPORT, siteName: null, createdAt: 10, updatedAt: 40, actors: [] });
    expect(await db.tags.get('new-tag')).toEqual({ key: 'new-tag', label: 'new-tag', createdAt: 10 });
  });

  it('never lets a stand-in page replace a stored one: its title, site and first-saved date stay', async () => {
    const stored = richSnapshot().pages.find((p) => p.url === NEWS)!;
    await db.pages.put(stored);
    const later = {
      ...richSnapshot().annotations[0],
      id: crypto.randomUUID(),
      createdAt: stored.updatedAt + 1_000,
      updatedAt: stored.updatedAt + 2_000,
    };
    const report = await importSnapshot(db, only([later]));
    expect(report.pages).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect(await db.pages.get(NEWS)).toStrictEqual(stored);
  });

  it('keeps a tag a stand-in would spell otherwise', async () => {
    await db.tags.put({ key: 'apt', label: 'APT', createdAt: 1 });
    await importSnapshot(db, only([{ ...richSnapshot().annotations[0], tags: ['apt'] }]));
    expect(await db.tags.get('apt')).toEqual({ key: 'apt', label: 'APT', createdAt: 1 });
  });
});

describe('an import that fails part-way', () => {
  it('leaves the database exactly as it was when a write throws after others succeeded', async () => {
    await store(db, richSnapshot());
    const before = await readSnapshot(db);
    const incoming = richSnapshot();
    incoming.pages.push({ url: 'https://new.example/', title: 'New', siteName: null, createdAt: 1, updatedAt: 1 });
    incoming.annotations.forEach((r) => {
      r.note = 'changed';
      r.updatedAt += 1_000;
    });
    incoming.actors.push({ ...incoming.actors[0], id: 'new actor', nameKeys: ['new actor'] });
    vi.spyOn(db.actors, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(importSnapshot(db, incoming)).rejects.toThrow('disk full');
    expect(await readSnapshot(db)).toStrictEqual(before);
  });

  it('leaves the database exactly as it was when a record breaks a constraint', async () => {
    await store(db, richSnapshot());
    const before = await readSnapshot(db);
    const incoming = richSnapshot();
    incoming.pages.push({ url: 'https://new.example/', title: 'New', siteName: null, createdAt: 1, updatedAt: 1 });
    // An object is no valid IndexedDB key: the entity-tag write fails after pages, tags and annotations.
    incoming.entityTags.push({ ...incoming.entityTags[0], id: {} as unknown as string });
    await expect(importSnapshot(db, incoming)).rejects.toThrow();
    expect(await readSnapshot(db)).toStrictEqual(before);
  });
});

describe('a file that is refused', () => {
  it.each([
    ['not JSON', 'not json'],
    ['wrong version', backupJson(richSnapshot()).replace('"gloss:version": 1', '"gloss:version": 9')],
    ['no Gloss collection', JSON.stringify({ type: 'AnnotationCollection', first: { items: [] } })],
  ])('(%s) says why and imports nothing', async (_name, text) => {
    await store(db, { ...richSnapshot(), annotations: [] });
    const before = await readSnapshot(db);
    const result = parseBackup(text);
    if (result.ok) await importSnapshot(db, result.snapshot);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/\S/) });
    expect(await readSnapshot(db)).toStrictEqual(before);
  });
});

describe('a Gloss backup with records that cannot be kept', () => {
  it('imports every other record, and names the skipped ones with their place and reason', async () => {
    const text = backupJson(richSnapshot())
      .replace(`"source": "${NEWS}"`, '"source": "javascript:alert(1)"')
      .replace('"start": 120', '"start": -5');
    const result = parseBackup(text);
    expect(result.ok && result.skipped).toEqual([
      { place: 'Annotation 1', message: 'Annotation 1: TextPositionSelector start must be a whole number, zero or more.' },
      { place: 'Annotation 2', message: 'Annotation 2: target source is not an http or https address.' },
    ]);
    if (!result.ok) return;
    const report = await importSnapshot(db, result.snapshot);
    expect(report.annotations).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(report).toMatchObject({ pages: { added: 3 }, tags: { added: 3 }, entityTags: { added: 2 }, actors: { added: 2 } });
  });
});

describe("highlights imported under an IRI that is not Gloss's own form", () => {
  const foreign = (note: string) =>
    JSON.stringify({
      type: 'AnnotationCollection',
      'gloss:version': 1,
      first: {
        type: 'AnnotationPage',
        items: [
          {
            id: `https://hypothes.is/a/${'x'.repeat(500)}`,
            type: 'Annotation',
            created: '2024-05-01T10:00:00Z',
            modified: note === 'first' ? '2024-05-01T10:00:00Z' : '2024-05-02T10:00:00Z',
            body: { type: 'TextualBody', value: note },
            target: {
              source: REPORT,
              selector: [
                { type: 'TextQuoteSelector', exact: 'word' },
                { type: 'TextPositionSelector', start: 5, end: 9 },
              ],
            },
          },
        ],
      },
    });

  it('get an id a message can name, export under their IRI, and import again onto the same record', async () => {
    await importSnapshot(db, parsed(foreign('first')));
    const [record] = await db.annotations.toArray();
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(record.iri).toBe(`https://hypothes.is/a/${'x'.repeat(500)}`);
    const text = backupJson(await readSnapshot(db));
    expect(JSON.parse(text).first.items[0].id).toBe(record.iri);
    expect(await importSnapshot(db, parsed(text))).toMatchObject({ added: 0, updated: 0 });
    expect(await importSnapshot(db, parsed(foreign('first')))).toMatchObject({ added: 0, updated: 0 });
    expect(await importSnapshot(db, parsed(foreign('edited')))).toMatchObject({ added: 0, annotations: { updated: 1 } });
    expect((await db.annotations.toArray()).map((r) => [r.id, r.note])).toEqual([[record.id, 'edited']]);
  });
});
