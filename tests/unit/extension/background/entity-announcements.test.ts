/**
 * Every change to what a page's entities depend on (a verdict, a user actor, an alias pick) is broadcast
 * as `entities-changed`, naming the page, or null when it reaches every page; open popups, side panels and
 * the library follow it (extension/popup/entity-services.ts, extension/library/create-library-services.ts).
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { glossDatabase } from '@/extension/background/database';
import { handleRequest } from '@/extension/background/handle-request';
import { library, popup } from './fixtures';
import { servePackagedEntityIndex } from './packaged-entity-index';

const PAGE = 'https://news.example/grizzly-steppe';
const page = { title: 'Grizzly Steppe returns', siteName: 'News' };
const storm = { kind: 'threat-actor' as const, name: 'Storm-1152', canonical: 'Storm-1152' };
let tabId = 0;
let broadcast: { mock: { calls: unknown[][] } };

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  servePackagedEntityIndex();
  const db = glossDatabase();
  await Promise.all([db.pages.clear(), db.entityTags.clear(), db.aliasPicks.clear(), db.actors.clear()]);
  tabId = (await fakeBrowser.tabs.create({ url: `${PAGE}#top` })).id!;
  broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => undefined);
});

const announced = () =>
  broadcast.mock.calls.map(([message]) => message as { type: string }).filter((message) => message.type === 'entities-changed');

describe('entities-changed', () => {
  it('names the tab’s page after a confirmation, a rejection and an undo', async () => {
    for (const verdict of ['confirmed', 'rejected', null] as const) {
      expect(await handleRequest({ type: 'tag-entity', tabId, entity: storm, verdict, page }, popup())).toEqual({ ok: true });
    }
    expect(announced()).toEqual(Array.from({ length: 3 }, () => ({ type: 'entities-changed', pageUrls: [PAGE] })));
  });

  it('names the page for a pick on the page, and every page for a pick everywhere', async () => {
    const pick = (scope: 'page' | 'everywhere') =>
      handleRequest({ type: 'pick-alias', tabId, name: 'Grizzly Steppe', actor: 'APT29', scope, page }, popup());
    expect(await pick('page')).toMatchObject({ ok: true });
    expect(await pick('everywhere')).toMatchObject({ ok: true });
    expect(announced()).toEqual([
      { type: 'entities-changed', pageUrls: [PAGE] },
      { type: 'entities-changed', pageUrls: null },
    ]);
  });

  it('reaches every page when an actor is added, and says nothing when a request is refused', async () => {
    const actor = { name: 'Gold Harvest', aliases: ['GH-1'], linkTo: null };
    expect(await handleRequest({ type: 'add-actor', tabId, actor, page }, popup())).toEqual({ ok: true });
    expect(announced()).toEqual([{ type: 'entities-changed', pageUrls: null }]);
    const refused = await handleRequest(
      { type: 'pick-alias', tabId, name: 'Storm-1152', actor: 'Storm-1152', scope: 'page', page },
      popup(),
    );
    expect(refused).toMatchObject({ ok: false });
    expect(announced()).toHaveLength(1);
  });

  it('reaches every page after a library import that brought verdicts, picks or actors, and not after a rename', async () => {
    await handleRequest({ type: 'library-changed', pageUrls: [], actorsChanged: false }, library());
    expect(announced()).toEqual([]);
    await handleRequest({ type: 'library-changed', pageUrls: [PAGE], actorsChanged: false, entitiesChanged: true }, library());
    await handleRequest({ type: 'library-changed', pageUrls: [], actorsChanged: true }, library());
    expect(announced()).toEqual([
      { type: 'entities-changed', pageUrls: null },
      { type: 'entities-changed', pageUrls: null },
    ]);
  });
});
