/**
 * A page's entities as the background gives them: its verdicts applied, and those kept under a name the
 * scanner now resolves elsewhere moved to the entity it resolves to (lib/entities/moved-verdicts.ts).
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { glossDatabase } from '@/extension/background/database';
import { entitiesForText } from '@/extension/background/entities-for-text';
import { entityTagsForPage, tagEntity } from '@/lib/storage/entity-tag-store';
import { servePackagedEntityIndex } from './packaged-entity-index';

const PAGE = 'https://news.example/hospital';
const TEXT =
  'The ALPHV/BlackCat ransomware gang claimed the attack on the hospital. ALPHV affiliates stole the records, ' +
  'and BlackCat operators posted them on their leak site.';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  servePackagedEntityIndex();
  const db = glossDatabase();
  await Promise.all([db.pages.clear(), db.entityTags.clear(), db.aliasPicks.clear(), db.actors.clear()]);
});

describe('entitiesForText', () => {
  it('writes a name the lists keep in lower case as the text writes it, under the same key', async () => {
    const text = 'The Rhysida ransomware gang claimed the attack. Rhysida affiliates leaked the data on its leak site.';
    const { entities } = await entitiesForText(null, text);
    expect(entities.filter((e) => e.kind === 'threat-actor').map((e) => [e.name, e.canonical])).toEqual([['Rhysida', 'Rhysida']]);
  });

  it('moves a verdict kept under a name now resolved elsewhere to the entity, once, and the page names it', async () => {
    const db = glossDatabase();
    // As an earlier Gloss kept it: the gang was "ALPHV", a name of its own. The lists file it as CrowdStrike's
    // Alpha Spider ("ALPHV Ransomware Group").
    await tagEntity(
      db,
      PAGE,
      { kind: 'threat-actor', name: 'ALPHV', canonical: 'ALPHV' },
      'confirmed',
      { title: 'Hospital', siteName: null },
      1000,
    );
    const { entities } = await entitiesForText(PAGE, TEXT);
    const actors = entities.filter((e) => e.kind === 'threat-actor');
    expect(actors.map((e) => [e.canonical, e.verdict])).toEqual([['Alpha Spider', 'confirmed']]);
    expect(await entityTagsForPage(db, PAGE)).toEqual([
      expect.objectContaining({ entityKey: 'threat-actor:alpha spider', status: 'confirmed', createdAt: 1000 }),
    ]);
    expect((await db.pages.get(PAGE))?.actors).toEqual(['alpha spider']);
    // A second reading finds nothing left to move.
    expect((await entitiesForText(PAGE, TEXT)).entities.filter((e) => e.kind === 'threat-actor')).toHaveLength(1);
  });
});
