/**
 * Sync end to end: two Chromium profiles and a real Apache WebDAV server started for this file.
 * Create in A and it appears in B; edit in B and it reaches A; delete in A and it is gone from B (and
 * the open tab repaints). The server's files hold none of the note, quote or address. A wrong passphrase
 * and a broken server each change nothing, here or on the server.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithGloss, type ChromiumSession } from '../../harness/chromium';
import { startFixtureServer, type FixtureServer } from '../../harness/fixture-server';
import { FIXTURES_DIR } from '../../harness/paths';
import { clickInGloss, glossEditor, glossFrame, highlightText } from './support/chromium-gloss-ui';
import { PAINTED_SCRIPT, textCenterScript } from './support/page-selection';
import { fingerprint, serverFiles, startBrokenServer, useWebdavServer } from './support/sync-server';
import { storedRecords, syncFromLibrary, syncRegion } from './support/sync-ui';

const WAIT = { timeout: 15_000 };
const dav = useWebdavServer();
let fixtures: FixtureServer;
let a: ChromiumSession;
let b: ChromiumSession;

beforeAll(async () => {
  fixtures = await startFixtureServer(FIXTURES_DIR);
  a = await launchChromiumWithGloss();
  b = await launchChromiumWithGloss();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await fixtures?.close();
});

const PASSPHRASE = 'a long passphrase for the tests';
const account = () => ({ serverUrl: dav.server.url, user: dav.server.user, password: dav.server.password, passphrase: PASSPHRASE });

async function openPage(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

async function openLibrary(session: ChromiumSession): Promise<Page> {
  const library = await session.context.newPage();
  await library.goto(`chrome-extension://${session.extensionId}/library.html`);
  await syncRegion(library).waitFor(WAIT);
  return library;
}

const painted = async (page: Page): Promise<string[]> =>
  Object.values((await page.evaluate(PAINTED_SCRIPT)) as Record<string, string[]>).flat();

async function editNote(page: Page, text: string, note: string): Promise<void> {
  await page.bringToFront();
  const point = (await page.evaluate(textCenterScript(text))) as { x: number; y: number };
  await page.mouse.click(point.x, point.y);
  const editor = await glossEditor(page);
  await editor.getByRole('textbox', { name: 'Note' }).fill(note);
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => editor.count(), WAIT).toBe(0);
}

describe('Chromium: sync through WebDAV', () => {
  it('carries a highlight from A to B, an edit from B to A and a deletion from A to B, encrypted on the server', async () => {
    const url = fixtures.url('storm-1152.html?case=sync');
    const pageA = await openPage(a, url);
    const quote = await highlightText(pageA, 'Astonishingly, the group', '750 million');
    await expect.poll(() => painted(pageA), WAIT).toContain(quote);
    await editNote(pageA, 'Astonishingly, the group', 'A secret note from A');

    const libraryA = await openLibrary(a);
    expect(await syncFromLibrary(libraryA, account())).toContain('Synced');
    const libraryB = await openLibrary(b);
    expect(await syncFromLibrary(libraryB, account())).toContain('Synced');

    // B has the highlight: it is painted on the page, and its note is there.
    const pageB = await openPage(b, url);
    await expect.poll(() => painted(pageB), WAIT).toContain(quote);
    const [inB] = await storedRecords(libraryB, 'annotations');
    expect(inB).toMatchObject({ note: 'A secret note from A', target: { quote: { exact: quote } } });

    // Edit in B: it reaches A.
    await editNote(pageB, 'Astonishingly, the group', 'Edited on B');
    expect(await syncFromLibrary(libraryB, null)).toContain('Synced');
    expect(await syncFromLibrary(libraryA, null)).toContain('Synced');
    await expect.poll(async () => (await storedRecords(libraryA, 'annotations'))[0]?.note, WAIT).toBe('Edited on B');

    // Delete in A: it is gone from B, and B's open tab repaints without it.
    await pageA.bringToFront();
    const point = (await pageA.evaluate(textCenterScript('Astonishingly, the group'))) as { x: number; y: number };
    await pageA.mouse.click(point.x, point.y);
    // Delete asks to confirm (so that a second click never deletes).
    const frameA = await glossFrame(pageA);
    await clickInGloss(frameA, (await glossEditor(pageA)).getByRole('button', { name: 'Delete', exact: true }));
    await clickInGloss(frameA, (await glossEditor(pageA)).getByRole('button', { name: 'Delete highlight' }));
    await expect.poll(() => storedRecords(libraryA, 'annotations'), WAIT).toEqual([]);
    expect(await syncFromLibrary(libraryA, null)).toContain('Synced');
    expect(await syncFromLibrary(libraryB, null)).toContain('Synced');
    expect(await storedRecords(libraryB, 'annotations')).toEqual([]);
    await expect.poll(() => painted(pageB), WAIT).not.toContain(quote);

    // Nothing readable on the server: no note, no quote, no address, no title.
    const files = serverFiles(dav.server);
    expect(files.size).toBeGreaterThan(1);
    const everything = Buffer.concat([...files.values()]).toString('latin1');
    for (const secret of ['A secret note', 'Edited on B', 'Astonishingly', 'storm-1152', '127.0.0.1', 'Microsoft Takes Down']) {
      expect(everything).not.toContain(secret);
    }
    for (const name of files.keys()) expect(name).toMatch(/^gloss-sync\/(gloss-key|snapshot|[0-9a-f]{16}-\d{10})$/);
  });

  it('a wrong passphrase and a broken server change nothing, here or on the server', async () => {
    const url = fixtures.url('storm-1152.html?case=sync-wrong');
    const pageB = await openPage(b, url);
    const quote = await highlightText(pageB, 'Microsoft utilized vital threat', 'Arkose Labs');
    await expect.poll(() => painted(pageB), WAIT).toContain(quote);
    const libraryB = await openLibrary(b);
    await expect.poll(async () => (await storedRecords(libraryB, 'annotations')).length, WAIT).toBe(1);
    const before = fingerprint(serverFiles(dav.server));
    const recordsBefore = await storedRecords(libraryB, 'annotations');

    const wrong = await syncFromLibrary(libraryB, { ...account(), passphrase: 'not the passphrase' });
    expect(wrong).toMatch(/passphrase is not the one/);
    expect(fingerprint(serverFiles(dav.server))).toEqual(before);
    expect(await storedRecords(libraryB, 'annotations')).toEqual(recordsBefore);

    const broken = await startBrokenServer(500);
    try {
      const failed = await syncFromLibrary(libraryB, { ...account(), serverUrl: broken.url });
      expect(failed).toMatch(/internal error \(500\)/);
      expect(await storedRecords(libraryB, 'annotations')).toEqual(recordsBefore);
    } finally {
      await broken.close();
    }
    const html = await startBrokenServer(200);
    try {
      expect(await syncFromLibrary(libraryB, { ...account(), serverUrl: html.url })).toMatch(/web page, not a WebDAV folder/);
    } finally {
      await html.close();
    }
    expect(fingerprint(serverFiles(dav.server))).toEqual(before);

    // With the right passphrase again, the highlight made meanwhile goes out.
    expect(await syncFromLibrary(libraryB, { ...account() })).toContain('Synced');
    expect(fingerprint(serverFiles(dav.server))).not.toEqual(before);
  });
});
