import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GlossDatabase } from '@/lib/storage/database';
import {
  entityTagsForPage,
  moveEntityTags,
  pagesMentioningActor,
  saveUserActor,
  tagEntity,
  untagEntity,
  userActors,
} from '@/lib/storage/entity-tag-store';
import { recordPageActors } from '@/lib/storage/page-store';

const PAGE = 'https://news.example/storm-1152';
const OTHER = 'https://blog.example/octo-tempest';
const details = { title: 'Storm-1152', siteName: 'News' };
const storm = { kind: 'threat-actor' as const, name: 'Storm-1152', canonical: 'Storm-1152' };
const octo = { kind: 'threat-actor' as const, name: 'Octo Tempest', canonical: 'Scattered Spider' };

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('entity tags', () => {
  it('confirms an entity on a page, keeping the page and its actor', async () => {
    const tag = await tagEntity(db, PAGE, storm, 'confirmed', details, 1000);
    expect(tag).toMatchObject({ pageUrl: PAGE, entityKey: 'threat-actor:storm-1152', status: 'confirmed', createdAt: 1000 });
    expect(await db.pages.get(PAGE)).toMatchObject({ title: 'Storm-1152', actors: ['storm-1152'] });
  });

  it('keeps one verdict per page and entity: a later one replaces the earlier', async () => {
    await tagEntity(db, PAGE, octo, 'confirmed', details, 1000);
    await tagEntity(db, PAGE, { ...octo, name: 'octo tempest' }, 'rejected', null, 2000);
    const tags = await entityTagsForPage(db, PAGE);
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({ status: 'rejected', createdAt: 1000, updatedAt: 2000 });
    expect((await db.pages.get(PAGE))?.actors).toEqual([]);
  });

  it('withdraws a verdict', async () => {
    await tagEntity(db, PAGE, storm, 'rejected', details);
    expect(await untagEntity(db, PAGE, 'threat-actor:storm-1152')).toMatchObject({ status: 'rejected' });
    expect(await entityTagsForPage(db, PAGE)).toEqual([]);
    expect(await untagEntity(db, PAGE, 'threat-actor:storm-1152')).toBeNull();
  });
});

describe('verdicts that follow a name to the entity it now resolves to', () => {
  const alphv = { kind: 'threat-actor' as const, name: 'ALPHV', canonical: 'ALPHV' };
  const gang = { kind: 'threat-actor' as const, name: 'ALPHV', canonical: 'BlackCat' };

  it('move to the new key, keep when they were given, and the page names the new actor, in its place', async () => {
    await tagEntity(db, PAGE, alphv, 'confirmed', details, 1000);
    const page = await db.pages.get(PAGE);
    await moveEntityTags(db, PAGE, [{ from: 'threat-actor:alphv', to: gang, status: 'confirmed' }], 5000);
    const [moved, ...rest] = await entityTagsForPage(db, PAGE);
    expect(rest).toEqual([]);
    expect(moved).toMatchObject({
      entityKey: 'threat-actor:blackcat',
      canonical: 'BlackCat',
      status: 'confirmed',
      createdAt: 1000,
      updatedAt: 5000,
    });
    expect(await db.pages.get(PAGE)).toEqual({ ...page, actors: ['blackcat'] });
    // Withdrawing it now withdraws it for good.
    expect(await untagEntity(db, PAGE, 'threat-actor:blackcat')).not.toBeNull();
    expect(await entityTagsForPage(db, PAGE)).toEqual([]);
  });

  it('leave a verdict that changed meanwhile where it is', async () => {
    await tagEntity(db, PAGE, alphv, 'rejected', details, 1000);
    await moveEntityTags(db, PAGE, [{ from: 'threat-actor:alphv', to: gang, status: 'confirmed' }], 5000);
    expect(await entityTagsForPage(db, PAGE)).toEqual([expect.objectContaining({ entityKey: 'threat-actor:alphv', status: 'rejected' })]);
  });
});

describe('user actors', () => {
  it('saves a new actor with its aliases, without duplicates', async () => {
    const actor = await saveUserActor(
      db,
      { canonical: ' Gold  Harvest ', aliases: ['GH-1', 'gh-1', 'Gold Harvest', ''], extendsBuiltin: false },
      5,
    );
    expect(actor).toEqual({
      id: 'gold harvest',
      canonical: 'Gold Harvest',
      aliases: ['GH-1'],
      extendsBuiltin: false,
      nameKeys: ['gold harvest', 'gh-1'],
      createdAt: 5,
      updatedAt: 5,
    });
  });

  it('merges later aliases into the actor saved under the same name', async () => {
    await saveUserActor(db, { canonical: 'Scattered Spider', aliases: ['Spider X'], extendsBuiltin: true }, 1);
    await saveUserActor(db, { canonical: 'scattered spider', aliases: ['Spider Y'], extendsBuiltin: true }, 2);
    const [actor] = await userActors(db);
    expect(actor).toMatchObject({ canonical: 'Scattered Spider', aliases: ['Spider X', 'Spider Y'], createdAt: 1, updatedAt: 2 });
    expect((await db.actors.where('nameKeys').equals('spider y').toArray()).map((a) => a.id)).toEqual(['scattered spider']);
  });

  it('refuses an actor without a name', async () => {
    await expect(saveUserActor(db, { canonical: '   ', aliases: [], extendsBuiltin: false })).rejects.toThrow(/name/);
  });
});

describe('pages mentioning an actor', () => {
  it('finds saved pages where the actor was found or confirmed, newest first, and not where rejected', async () => {
    await tagEntity(db, PAGE, storm, 'confirmed', details, 1000);
    expect(await recordPageActors(db, PAGE, ['scattered spider', 'storm-1152'])).toBe(true);
    await tagEntity(db, OTHER, octo, 'confirmed', { title: 'Octo', siteName: null }, 2000);
    expect((await pagesMentioningActor(db, 'scattered spider')).map((p) => p.url)).toEqual([OTHER, PAGE]);

    await tagEntity(db, PAGE, octo, 'rejected', null, 3000);
    expect((await pagesMentioningActor(db, 'scattered spider')).map((p) => p.url)).toEqual([OTHER]);
  });

  it('does not record actors for pages the user kept nothing from', async () => {
    expect(await recordPageActors(db, 'https://unsaved.example/', ['storm-1152'])).toBe(false);
    expect(await db.pages.count()).toBe(0);
  });
});
