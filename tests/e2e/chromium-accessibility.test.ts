import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { axeViolations } from './support/axe';
import { dispatchCommand, glossEditor, glossFrame, highlightText, selectForToolbar } from './support/chromium-gloss-ui';
import { PAINTED_SCRIPT, textCenterScript } from './support/page-selection';
import { usePdfServer } from './support/pdf-viewer';
import { dragEdgesScript, PASSAGE, type DragEdges } from './support/pdf-highlights';
import { backupWithActors } from './support/backups';
import { useWebdavServer } from './support/sync-server';
import { syncFromLibrary, syncRegion } from './support/sync-ui';
import { useTestPdfs } from '../support/use-test-pdfs';

useTestPdfs(['sample', 'encrypted', 'broken', 'links']);

const WAIT = { timeout: 15_000 };
/** A note using each kind of Markdown the views draw: emphasis, a highlight, a link, a wikilink, task items, code, a table, a quote and a callout. */
const MARKDOWN_NOTE =
  '**Scale** ==750 million==: see [the filing](https://example.org/f) and [[Octo Tempest|the gang]]\n\n- [x] checked\n- [ ] `T1566`\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> quoted\n\n> [!warning] Check the hashes\n> They differ.';
const env = useChromium();
const pdfs = usePdfServer();
const dav = useWebdavServer();

/**
 * Every document Gloss draws, in light and in dark mode, as axe-core's automated checks see it (contrast,
 * names, roles, landmarks, headings): none may break a rule. The checks cannot judge everything (whether a
 * name makes sense, whether the keyboard order is right); the other end-to-end tests check those directly.
 */
describe.each(['light', 'dark'] as const)('Chromium: accessibility checks, %s mode', (scheme) => {
  async function open(path: string): Promise<Page> {
    const page = await env.session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(path.startsWith('/') ? `chrome-extension://${env.session.extensionId}${path}` : path);
    return page;
  }

  /** The sample article with one highlight, at an address of its own (`view`) so no earlier test's highlight is there. */
  async function highlightedArticle(view: string): Promise<Page> {
    const page = await open(env.server.url(`storm-1152.html?case=axe-${view}-${scheme}`));
    const quote = await highlightText(page, 'Astonishingly, the group', '750 million');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toMatchObject({ 'gloss-yellow': expect.arrayContaining([quote]) });
    return page;
  }

  it('the popup and the side panel, with an outline, entities and a highlight with a Markdown note', async () => {
    const article = await highlightedArticle('panels');
    const point = (await article.evaluate(textCenterScript('Astonishingly, the group'))) as { x: number; y: number };
    await article.mouse.click(point.x, point.y);
    const editor = await glossEditor(article);
    await editor.getByRole('textbox', { name: 'Note' }).fill(MARKDOWN_NOTE);
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor.count(), WAIT).toBe(0);
    const tab = await env.session.tabIdOf(article);
    for (const path of [`/popup.html?tab=${tab}`, `/sidepanel.html?tab=${tab}`]) {
      const view = await open(path);
      await view
        .getByRole('region', { name: 'Entities' })
        .getByRole('button', { name: /^Octo Tempest → Scattered Spider/ })
        .waitFor(WAIT);
      await view.getByRole('region', { name: 'Highlights' }).getByText('Astonishingly').first().waitFor(WAIT);
      await view.locator('.note table').waitFor(WAIT);
      expect(await axeViolations(view), path).toEqual([]);
      await view.close();
    }
    await article.close();
  });

  it('the in-page editor, asking to delete, and the undo notice, in their frame', async () => {
    const article = await highlightedArticle('editor');
    const point = (await article.evaluate(textCenterScript('Astonishingly, the group'))) as { x: number; y: number };
    await article.mouse.click(point.x, point.y);
    const editor = await glossEditor(article);
    await editor.waitFor(WAIT);
    const frame = await glossFrame(article);
    expect(await axeViolations(frame, { widget: true }), 'editor').toEqual([]);
    // Deleting asks first, then leaves a notice with Undo.
    await editor.getByRole('button', { name: 'Delete', exact: true }).click();
    await editor.getByRole('group', { name: 'Delete this highlight?' }).waitFor(WAIT);
    expect(await axeViolations(frame, { widget: true }), 'asking to delete').toEqual([]);
    await editor.getByRole('button', { name: 'Delete highlight' }).click();
    await frame.getByRole('status').filter({ hasText: 'Highlight deleted.' }).waitFor(WAIT);
    expect(await axeViolations(frame, { widget: true }), 'undo notice').toEqual([]);
    await article.close();
  });

  it('the selection toolbar, the step-through bar and the notice of the highlight shortcut, in their frame', async () => {
    const article = await highlightedArticle('frame-views');
    await selectForToolbar(article, 'phishing attacks', 'identity theft');
    const frame = await glossFrame(article);
    await frame.getByRole('toolbar', { name: 'Gloss' }).waitFor(WAIT);
    expect(await axeViolations(frame, { widget: true }), 'toolbar').toEqual([]);

    await article.evaluate(() => getSelection()?.removeAllRanges());
    await dispatchCommand(env.session, article, 'step-highlights');
    await frame.getByRole('toolbar', { name: 'Highlights on this page' }).waitFor(WAIT);
    expect(await axeViolations(frame, { widget: true }), 'step-through bar').toEqual([]);

    await article.keyboard.press('Escape');
    await article.evaluate(() => getSelection()?.removeAllRanges());
    await dispatchCommand(env.session, article, 'highlight-selection');
    await frame
      .getByRole('status')
      .getByText(/Select some text in the page first/)
      .waitFor(WAIT);
    expect(await axeViolations(frame, { widget: true }), 'notice').toEqual([]);
    await article.close();
  });

  it('the popup where it cannot read the page, and where the page is no article', async () => {
    const restricted = await open(env.server.url('storm-1152.html?case=axe-restricted'));
    const tab = await env.session.tabIdOf(restricted);
    await restricted.goto('chrome://version');
    const cannot = await open(`/popup.html?tab=${tab}`);
    await cannot.getByRole('alert').waitFor(WAIT);
    expect(await axeViolations(cannot), 'cannot read').toEqual([]);
    await cannot.close();
    await restricted.close();

    const results = await open(env.server.url('search-results.html'));
    const popup = await env.session.openPopupFor(results);
    await popup.getByRole('heading', { name: 'This page doesn’t look like an article' }).waitFor(WAIT);
    await popup.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(popup), 'no article').toEqual([]);
    await popup.close();
    await results.close();
  });

  it('the library, the settings and the welcome page', async () => {
    const article = await highlightedArticle('pages');
    for (const [path, heading] of [
      ['/library.html', 'Gloss library'],
      ['/settings.html', 'Gloss settings'],
      ['/welcome.html', 'Welcome to Gloss'],
    ] as const) {
      const page = await open(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor(WAIT);
      if (path === '/library.html') await page.locator('.page-card').first().waitFor(WAIT);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
    await article.close();
  });

  it('the library asking about a backup’s actor changes and saying what it imported, its Sync region once synced, and the settings asking before erasing', async () => {
    const library = await open('/library.html');
    await library.getByRole('heading', { name: 'Gloss library', level: 1 }).waitFor(WAIT);
    await library.getByLabel('Import backup').setInputFiles(backupWithActors());
    const question = library.getByRole('group', { name: 'Actor changes in actors.gloss.json' });
    await question.waitFor(WAIT);
    expect(await axeViolations(library), 'import question').toEqual([]);
    // Without the actor changes, so the other colour scheme's run is asked again.
    await question.getByRole('button', { name: 'Import without' }).click();
    await library
      .locator('.status-line')
      .filter({ hasText: /^Imported: / })
      .waitFor(WAIT);
    expect(await axeViolations(library), 'import result').toEqual([]);

    const { server } = dav;
    const synced = await syncFromLibrary(library, {
      serverUrl: server.url,
      user: server.user,
      password: server.password,
      passphrase: 'axe',
    });
    expect(synced).toContain('Synced');
    await syncRegion(library).getByRole('button', { name: 'Sync now' }).waitFor(WAIT);
    expect(await axeViolations(library), 'synced').toEqual([]);
    await library.close();

    const settings = await open('/settings.html');
    await settings.getByRole('button', { name: 'Erase everything…' }).click();
    await settings.getByRole('dialog', { name: 'Erase everything?' }).waitFor(WAIT);
    expect(await axeViolations(settings), 'erase question').toEqual([]);
    await settings.keyboard.press('Escape');
    await settings.close();
  });

  it('the PDF viewer: choosing a file, a document with its find bar and Gloss’s toolbar and editor, one with links, a password prompt and a damaged file', async () => {
    const choose = await open('/pdf.html');
    await choose.getByRole('heading', { name: 'Gloss PDF viewer' }).waitFor(WAIT);
    expect(await axeViolations(choose)).toEqual([]);
    await choose.close();

    const viewer = (name: 'sample' | 'links' | 'encrypted' | 'broken') =>
      pdfs.urlOf(name).then((url) => open(`/pdf.html?file=${encodeURIComponent(url)}`));
    for (const name of ['sample', 'links'] as const) {
      const page = await viewer(name);
      await page.locator('.pdf-page[data-page-number="1"][data-rendered] .textLayer span:not(.markedContent)').first().waitFor(WAIT);
      await page.locator('.pdf-progress').waitFor({ state: 'detached', timeout: 30_000 });
      expect(await axeViolations(page), name).toEqual([]);
      if (name === 'sample') {
        await page.keyboard.press('Control+F');
        await page.getByRole('searchbox', { name: 'Find in document' }).fill('Storm-1152');
        await page.locator('.pdf-find-status').filter({ hasText: /match/ }).waitFor(WAIT);
        expect(await axeViolations(page), 'find bar').toEqual([]);
        await page.keyboard.press('Escape');
        // Gloss's toolbar over a selection, then the editor of the highlight it makes.
        const edges = (await page.evaluate(dragEdgesScript(PASSAGE.from, PASSAGE.to))) as DragEdges;
        await page.mouse.move(edges.from.x, edges.from.y);
        await page.mouse.down();
        await page.mouse.move(edges.to.x, edges.to.y, { steps: 8 });
        await page.mouse.up();
        const toolbar = page.getByRole('toolbar', { name: 'Gloss' });
        await toolbar.waitFor(WAIT);
        expect(await axeViolations(page), 'selection toolbar').toEqual([]);
        await toolbar.getByRole('button', { name: 'Add note' }).click();
        const editor = page.getByRole('dialog', { name: 'Edit highlight' });
        await editor.waitFor(WAIT);
        expect(await axeViolations(page), 'editor').toEqual([]);
        // Deleted again, after its question, so the other colour scheme's run starts from the same page.
        await editor.getByRole('button', { name: 'Delete', exact: true }).click();
        await editor.getByRole('button', { name: 'Delete highlight' }).waitFor(WAIT);
        expect(await axeViolations(page), 'asking to delete').toEqual([]);
        await editor.getByRole('button', { name: 'Delete highlight' }).click();
        await editor.waitFor({ state: 'detached', ...WAIT });
      }
      await page.close();
    }
    const locked = await viewer('encrypted');
    await locked.locator('input[type="password"]').waitFor(WAIT);
    expect(await axeViolations(locked)).toEqual([]);
    await locked.close();
    const broken = await viewer('broken');
    await broken.getByRole('alert').waitFor(WAIT);
    expect(await axeViolations(broken)).toEqual([]);
    await broken.close();
  });
});
