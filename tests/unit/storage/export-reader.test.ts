import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorProfiles } from '@/lib/export/actor-profiles';
import { createAnnotation } from '@/lib/storage/annotation-store';
import { GlossDatabase } from '@/lib/storage/database';
import { tagEntity } from '@/lib/storage/entity-tag-store';
import { readPageExports } from '@/lib/storage/export-reader';
import { recordPageActors, recordArticleDetails } from '@/lib/storage/page-store';

const PAGE = 'https://news.example/storm-1152';
const OTHER = 'https://blog.example/other';
const details = { title: 'Storm-1152', siteName: 'News' };
const target = (start: number) => ({
  quote: { type: 'TextQuoteSelector' as const, exact: 'quote', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + 5 },
});
const records = [
  { name: 'Scattered Spider', aliases: ['Octo Tempest'], mitre_id: 'G1015' },
  { name: 'Storm-1152', aliases: [] },
  { name: 'LockBit', aliases: [] },
];
const resolve = (keys: string[], fallback: ReadonlyMap<string, string>) => actorProfiles(records, keys, fallback);

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('reading pages for export', () => {
  it('gives each page its highlights, verdicts and actors: found, confirmed, never rejected', async () => {
    await createAnnotation(db, { pageUrl: PAGE, target: target(10) }, details, 1000);
    await createAnnotation(db, { pageUrl: OTHER, target: target(0) }, { title: 'Other', siteName: null }, 3000);
    await recordPageActors(db, PAGE, ['storm-1152', 'lockbit']);
    await tagEntity(db, PAGE, { kind: 'threat-actor', name: 'Octo Tempest', canonical: 'Scattered Spider' }, 'confirmed', null, 2000);
    await tagEntity(db, PAGE, { kind: 'threat-actor', name: 'LockBit', canonical: 'LockBit' }, 'rejected', null, 2000);

    const [page] = await readPageExports(db, [PAGE], resolve);
    expect(page.page.url).toBe(PAGE);
    expect(page.annotations).toHaveLength(1);
    expect(page.entityTags.map((t) => t.status).sort()).toEqual(['confirmed', 'rejected']);
    expect(page.actors.map((a) => a.canonical)).toEqual(['Scattered Spider', 'Storm-1152']);
    expect(page.actors[0]).toMatchObject({ aliases: ['Octo Tempest'], attackId: 'G1015' });
  });

  it('reads every page, newest first, when no pages are named; unknown pages are skipped', async () => {
    await createAnnotation(db, { pageUrl: PAGE, target: target(10) }, details, 1000);
    await createAnnotation(db, { pageUrl: OTHER, target: target(0) }, { title: 'Other', siteName: null }, 3000);
    expect((await readPageExports(db, null, resolve)).map((p) => p.page.url)).toEqual([OTHER, PAGE]);
    expect((await readPageExports(db, ['https://nowhere.example/', PAGE], resolve)).map((p) => p.page.url)).toEqual([PAGE]);
  });
});

describe('recording what the article says of itself', () => {
  it('keeps title, author and date, tidied, on a saved page only', async () => {
    expect(await recordArticleDetails(db, PAGE, { title: 'Takedown', byline: 'Someone', publishedTime: null })).toBe(false);
    expect(await db.pages.get(PAGE)).toBeUndefined();
    await createAnnotation(db, { pageUrl: PAGE, target: target(10) }, details, 1000);
    await recordArticleDetails(db, PAGE, {
      title: '  Microsoft takes down\nStorm-1152 ',
      byline: '  Newsroom \n Staff ',
      publishedTime: '2023-12-14T09:00:00+00:00',
    });
    expect(await db.pages.get(PAGE)).toMatchObject({
      byline: 'Newsroom Staff',
      publishedTime: '2023-12-14T09:00:00+00:00',
      title: 'Microsoft takes down Storm-1152',
    });
  });
});

describe('a known page’s title', () => {
  it('stays the article’s own when later highlights report the tab title', async () => {
    await createAnnotation(db, { pageUrl: PAGE, target: target(10) }, { title: 'Takedown - Newsroom', siteName: null }, 1000);
    await recordArticleDetails(db, PAGE, { title: 'Takedown', byline: null, publishedTime: null });
    await createAnnotation(db, { pageUrl: PAGE, target: target(40) }, { title: 'Takedown - Newsroom', siteName: 'Newsroom' }, 2000);
    expect(await db.pages.get(PAGE)).toMatchObject({ title: 'Takedown', siteName: 'Newsroom', updatedAt: 2000 });
  });

  it('is kept when the article reports none', async () => {
    await createAnnotation(db, { pageUrl: PAGE, target: target(10) }, details, 1000);
    await recordArticleDetails(db, PAGE, { title: null, byline: 'A', publishedTime: null });
    expect(await db.pages.get(PAGE)).toMatchObject({ title: 'Storm-1152', byline: 'A' });
  });
});

describe('reading with pages and highlights already in memory', () => {
  it('gives what reading them from the database gives, for everything and for chosen pages', async () => {
    await createAnnotation(db, { pageUrl: PAGE, target: target(10) }, details, 1000);
    await createAnnotation(db, { pageUrl: OTHER, target: target(0) }, { title: 'Other', siteName: null }, 3000);
    await tagEntity(db, PAGE, { kind: 'threat-actor', name: 'Octo Tempest', canonical: 'Scattered Spider' }, 'confirmed', null, 2000);
    const loaded = { pages: await db.pages.toArray(), annotations: await db.annotations.toArray() };
    for (const urls of [null, [PAGE], [OTHER, PAGE]]) {
      expect(await readPageExports(db, urls, resolve, loaded)).toEqual(await readPageExports(db, urls, resolve));
    }
  });
});
