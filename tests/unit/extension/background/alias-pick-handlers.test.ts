import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { glossDatabase } from '@/extension/background/database';
import { handleRequest } from '@/extension/background/handle-request';
import { picksForPage } from '@/lib/storage/alias-pick-store';
import { entityTagsForPage, tagEntity } from '@/lib/storage/entity-tag-store';
import { contentScript, popup } from './fixtures';
import { servePackagedEntityIndex } from './packaged-entity-index';

const PAGE = 'https://news.example/grizzly-steppe';
const page = { title: 'Grizzly Steppe returns', siteName: 'News' };
let tabId = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  // The background reads its compiled entity index from its own package, as the build ships it.
  servePackagedEntityIndex();
  const db = glossDatabase();
  await Promise.all([db.pages.clear(), db.entityTags.clear(), db.aliasPicks.clear()]);
  tabId = (await fakeBrowser.tabs.create({ url: PAGE })).id!;
});

const pick = (name: string, actor: string | null, scope: 'page' | 'everywhere' = 'page') =>
  ({ type: 'pick-alias', tabId, name, actor, scope, page }) as const;

describe('pick-alias', () => {
  it('keeps a pick for the tab’s page, keeps the page, and moves the page’s confirmation of the name to the picked actor', async () => {
    const db = glossDatabase();
    await tagEntity(db, PAGE, { kind: 'threat-actor', name: 'Grizzly Steppe', canonical: 'APT28' }, 'confirmed', page);
    await tagEntity(db, PAGE, { kind: 'threat-actor', name: 'Storm-1152', canonical: 'Storm-1152' }, 'confirmed', page);
    expect(await handleRequest(pick('grizzly steppe', 'apt29'), popup())).toEqual({
      ok: true,
      message: '“grizzly steppe” now means APT29 on this page.',
    });
    expect(await picksForPage(db, PAGE)).toEqual([{ name: 'grizzly steppe', actor: 'APT29', scope: 'page' }]);
    expect((await entityTagsForPage(db, PAGE)).map((t) => [t.name, t.canonical, t.status]).sort()).toEqual([
      ['Grizzly Steppe', 'APT29', 'confirmed'],
      ['Storm-1152', 'Storm-1152', 'confirmed'],
    ]);
    // The page is filed under the picked actor at once (reading the tab again sets its whole list).
    expect((await db.pages.get(PAGE))?.actors).toEqual(expect.arrayContaining(['apt29', 'storm-1152']));
  });

  it('clears a pick of the reach asked for, and says when there is none', async () => {
    await handleRequest(pick('Grizzly Steppe', 'APT29', 'everywhere'), popup());
    expect(await handleRequest(pick('Grizzly Steppe', null, 'page'), popup())).toEqual({
      ok: false,
      message: 'There is no pick for “Grizzly Steppe” on this page to clear.',
    });
    expect(await handleRequest(pick('Grizzly Steppe', null, 'everywhere'), popup())).toEqual({
      ok: true,
      message: 'Cleared your pick for “Grizzly Steppe” on every page.',
    });
    expect(await picksForPage(glossDatabase(), PAGE)).toEqual([]);
  });

  it('refuses an actor the name cannot mean, and a name only one actor has, storing nothing', async () => {
    expect(await handleRequest(pick('Grizzly Steppe', 'Lazarus Group'), popup())).toEqual({
      ok: false,
      message: '“Grizzly Steppe” is not a name of Lazarus Group; pick one of APT28, APT29.',
    });
    expect(await handleRequest(pick('Storm-1152', 'Storm-1152'), popup())).toEqual({
      ok: false,
      message: '“Storm-1152” names only one actor; there is nothing to pick.',
    });
    expect(await glossDatabase().aliasPicks.count()).toBe(0);
    expect(await glossDatabase().pages.count()).toBe(0);
  });

  it('is refused to a web page’s content script', async () => {
    await expect(handleRequest(pick('Grizzly Steppe', 'APT29'), contentScript(PAGE))).rejects.toThrow(
      "pick-alias is answered only for Gloss's own pages.",
    );
    expect(await glossDatabase().aliasPicks.count()).toBe(0);
  });
});
