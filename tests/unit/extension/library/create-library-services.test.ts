/**
 * The library page's services over a real (fake-indexeddb) database, with fakeBrowser standing in for
 * the background: what it reads, how an import goes (and how a bad file is refused with nothing
 * written), which changes go through the background, and whose broadcasts it listens to.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLibraryServices } from '@/extension/library/create-library-services';
import { backupJson } from '@/lib/backup/to-json-ld';
import { MAX_BACKUP_BYTES } from '@/lib/backup/parse-backup';
import type { GlossRequest } from '@/lib/messaging/contract';
import { GlossDatabase } from '@/lib/storage/database';
import { readSettings } from '@/lib/storage/settings-store';
import type { ImportStep } from '@/components/library/library-services';
import { BLOG, NEWS, REPORT, richSnapshot, UUID_ID } from '../../backup/rich-snapshot';
import { contentScript } from '../background/fixtures';

let db: GlossDatabase;
/** The requests the library sent the background, and what the fake background answers. */
let requests: GlossRequest[];
let answer: (request: GlossRequest) => unknown;

/** The background as the library page sees it: a runtime.onMessage listener in another context. */
function fakeBackground() {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || type === 'annotations-changed') return undefined; // a broadcast, not a request
    const request = message as GlossRequest;
    requests.push(request);
    return Promise.resolve(answer(request) ?? { answered: request.type });
  });
}

const backupFile = (text: string, name = 'gloss-backup.json') => new File([text], name, { type: 'application/json' });
const fromBackground = { id: fakeBrowser.runtime.id }; // the background's own broadcasts come with no tab

beforeEach(async () => {
  fakeBrowser.reset();
  requests = [];
  answer = (request) => (request.type === 'actor-profiles' ? [] : undefined);
  fakeBackground();
  db = new GlossDatabase(`library-services-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('importing a backup', () => {
  it('reads, checks and saves it, says which step it is on, and tells the background which pages changed', async () => {
    const services = createLibraryServices(db);
    const steps: ImportStep[] = [];

    const outcome = await services.importBackup(backupFile(backupJson(richSnapshot())), (step) => steps.push(step));

    expect(outcome).toMatchObject({ ok: true, skipped: [], actorsApplied: false });
    expect(steps).toEqual(['reading', 'checking', 'saving']);
    expect(await db.annotations.get(UUID_ID)).toMatchObject({ pageUrl: NEWS, color: 'green' });
    const changed = requests.find((request) => request.type === 'library-changed') as GlossRequest<'library-changed'>;
    expect(changed.pageUrls.sort()).toEqual([BLOG, NEWS, REPORT].sort());
    expect(changed.actorsChanged).toBe(false);
  });

  it("applies the backup's actors only when the reader agrees to the changes it shows", async () => {
    const services = createLibraryServices(db);
    const asked = vi.fn(async () => true);

    const outcome = await services.importBackup(backupFile(backupJson(richSnapshot())), undefined, asked);

    expect(asked).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ ok: true, actorsApplied: true });
    expect(await db.actors.count()).toBeGreaterThan(0);
    expect(requests.find((request) => request.type === 'library-changed')).toMatchObject({ actorsChanged: true });
  });

  it("restores the backup's paused sites, and its settings only when the reader agrees to the changes it shows", async () => {
    const declined = vi.fn(async () => false);
    const first = await createLibraryServices(db).importBackup(backupFile(backupJson(richSnapshot())), undefined, undefined, declined);
    expect(declined).toHaveBeenCalledWith([
      { name: 'defaultColor', from: 'yellow', to: 'blue' },
      { name: 'showToolbar', from: true, to: false },
    ]);
    expect(first).toMatchObject({ ok: true, settingsApplied: false });
    expect(await readSettings(db)).toEqual({ defaultColor: 'yellow', showToolbar: true });
    expect((await db.pausedSites.toArray()).map((paused) => paused.site).sort()).toEqual(['127.0.0.1:8080', 'news.example']);
    expect(requests.find((request) => request.type === 'library-changed')).toMatchObject({
      settingsChanged: false,
      pausedSites: ['127.0.0.1:8080', 'news.example'],
    });

    requests = [];
    const agreed = vi.fn(async () => true);
    const second = await createLibraryServices(db).importBackup(backupFile(backupJson(richSnapshot())), undefined, undefined, agreed);
    expect(second).toMatchObject({ ok: true, settingsApplied: true });
    expect(await readSettings(db)).toEqual({ defaultColor: 'blue', showToolbar: false });
    // The sites were paused by the first import: nothing new to announce.
    expect(requests.find((request) => request.type === 'library-changed')).toMatchObject({ settingsChanged: true, pausedSites: [] });
  });

  it('refuses a file over the size limit with its size in plain words, before reading it', async () => {
    const services = createLibraryServices(db);
    const huge = backupFile('x');
    Object.defineProperty(huge, 'size', { value: MAX_BACKUP_BYTES + 1 });
    const read = vi.spyOn(huge, 'text');

    const outcome = await services.importBackup(huge);

    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/^That file is \d+ MB; a Gloss backup can be at most \d+ MB\.$/) });
    expect(read).not.toHaveBeenCalled();
    expect(await db.annotations.count()).toBe(0);
  });

  it("refuses a file that is not a backup with the parser's message, and writes nothing", async () => {
    const services = createLibraryServices(db);
    const outcome = await services.importBackup(backupFile('{"these are": "not annotations"'));
    expect(outcome.ok).toBe(false);
    expect(outcome).toMatchObject({ message: expect.any(String) });
    expect(await db.pages.count()).toBe(0);
    expect(requests.map((request) => request.type)).not.toContain('library-changed');
  });
});

describe('reading the library', () => {
  it('lists the pages and highlights the database holds', async () => {
    await createLibraryServices(db).importBackup(backupFile(backupJson(richSnapshot())));
    const services = createLibraryServices(db);
    expect((await services.loadPages()).map((page) => page.url).sort()).toEqual([BLOG, NEWS, REPORT].sort());
    expect((await services.loadHighlights()).map((record) => record.id)).toContain(UUID_ID);
  });

  it('exports from what it read until the background says something changed, then reads again', async () => {
    await createLibraryServices(db).importBackup(backupFile(backupJson(richSnapshot())));
    const services = createLibraryServices(db);
    await services.loadPages();
    await services.loadHighlights();
    await db.annotations.delete(UUID_ID); // another view deleted it; the news has not come yet

    const before = await services.exportPages('json', null);
    expect(String(before.data)).toContain(UUID_ID);

    await fakeBrowser.runtime.onMessage.trigger({ type: 'annotations-changed', pageUrls: [NEWS] }, fromBackground);
    const after = await services.exportPages('json', null);
    expect(String(after.data)).not.toContain(UUID_ID);
  });
});

describe('changing highlights', () => {
  it('sends edits, deletions and undos through the background, which repaints every tab of the page', async () => {
    const services = createLibraryServices(db);
    const record = richSnapshot().annotations[0];
    answer = (request) => (request.type === 'update-annotation' ? { ...record, note: 'edited' } : record);

    expect(await services.highlights.update(record.id, { note: 'edited' })).toMatchObject({ note: 'edited' });
    await services.highlights.remove(record.id);
    await services.highlights.restore(record);

    expect(requests.map(({ type }) => type)).toEqual(['update-annotation', 'delete-annotation', 'restore-annotation']);
    expect(requests[0]).toEqual({ type: 'update-annotation', id: record.id, changes: { note: 'edited' } });
  });

  it('opens a saved page through the background', async () => {
    const services = createLibraryServices(db);
    answer = () => ({ ok: true });
    expect(await services.open(NEWS, UUID_ID)).toEqual({ ok: true });
    expect(requests).toEqual([{ type: 'open-saved-page', url: NEWS, annotationId: UUID_ID }]);
  });
});

describe('hearing of changes', () => {
  it("calls back on Gloss's own broadcast, not on a look-alike from a content script, and stops when told", async () => {
    const services = createLibraryServices(db);
    const onChange = vi.fn();
    const stop = services.subscribe(onChange);
    const news = { type: 'annotations-changed', pageUrls: [NEWS] };

    await fakeBrowser.runtime.onMessage.trigger(news, contentScript());
    expect(onChange).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger(news, fromBackground);
    expect(onChange).toHaveBeenCalledTimes(1);

    stop();
    await fakeBrowser.runtime.onMessage.trigger(news, fromBackground);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('reloads when verdicts, actors or picks changed elsewhere (a page’s actors follow them), from Gloss only', async () => {
    const services = createLibraryServices(db);
    const onChange = vi.fn();
    services.subscribe(onChange);
    const verdict = { type: 'entities-changed', pageUrls: [NEWS] };
    await fakeBrowser.runtime.onMessage.trigger(verdict, contentScript());
    expect(onChange).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger(verdict, fromBackground);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'entities-changed', pageUrls: null }, fromBackground);
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
