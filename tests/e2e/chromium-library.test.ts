import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromiumWithGloss } from '../../harness/chromium';
import { useChromium } from './support/browser-sessions';
import { glossEditor, highlightText } from './support/chromium-gloss-ui';
import { PAINTED_SCRIPT, textCenterScript } from './support/page-selection';

const WAIT = { timeout: 10_000 };
const env = useChromium();

/** Highlights the text from `start` to `end` with the floating toolbar, and tags it if asked. */
async function highlight(page: Page, start: string, end: string, tags?: string): Promise<string> {
  const quote = await highlightText(page, start, end);
  await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toMatchObject({ 'gloss-yellow': expect.arrayContaining([quote]) });
  if (tags) {
    const point = (await page.evaluate(textCenterScript(start))) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    const editor = await glossEditor(page);
    await editor.getByRole('textbox', { name: 'Tags' }).fill(tags);
    // Ctrl+Enter saves and closes, like Done.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => editor.count()).toBe(0);
  }
  return quote;
}

async function openPage(url: string, context = env.session.context): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(300); // the content script starts at document_idle
  return page;
}

const resultTitles = (library: Page) => library.locator('.page-card h2').allTextContents();

describe('Chromium: library, export and backup', () => {
  it('finds highlights from two pages, exports Markdown from the popup, and restores a backup into a fresh profile', async () => {
    const sampleUrl = env.server.url('storm-1152.html?case=library');
    const reportUrl = env.server.url('new-actor.html?case=library');
    const sample = await openPage(sampleUrl);
    const sampleQuote = await highlight(sample, 'Astonishingly, the group', '750 million', 'fraud');
    const report = await openPage(reportUrl);
    const reportQuote = await highlight(report, 'Researchers this week', 'Crimson Heron');

    // The library lists both pages, and search narrows them as you type.
    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    const search = library.getByRole('searchbox', { name: 'Search' });
    await expect.poll(() => resultTitles(library), WAIT).toHaveLength(2);
    await search.fill('staggering');
    await expect.poll(() => resultTitles(library), WAIT).toEqual([expect.stringContaining('Storm-1152')]);
    expect(await library.locator('.page-card mark').first().textContent()).toBe('staggering');
    await search.fill('crimson heron');
    await expect.poll(() => resultTitles(library), WAIT).toHaveLength(1);
    expect(await library.locator('.page-card q').first().textContent()).toBe(reportQuote);
    await search.fill('');
    await library.getByLabel('Tag', { exact: true }).selectOption({ label: 'fraud (1 page)' });
    await expect.poll(() => resultTitles(library), WAIT).toEqual([expect.stringContaining('Storm-1152')]);

    // Export Markdown from the popup: a download at once, with the highlight in it.
    const popup = await env.session.openPopupFor(sample);
    await popup
      .getByRole('region', { name: /Highlights/ })
      .getByRole('listitem')
      .first()
      .waitFor(WAIT);
    // Once the popup has shown the entities, the page's actors are recorded for the export.
    await popup
      .getByRole('region', { name: 'Entities' })
      .getByRole('button', { name: /^Storm-1152 \(/ })
      .waitFor(WAIT);
    const [markdownDownload] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    expect(markdownDownload.suggestedFilename()).toBe(
      'Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities.md',
    );
    const markdown = readFileSync((await markdownDownload.path())!, 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities"\n/);
    expect(markdown).toContain(`source: "${sampleUrl}"`);
    expect(markdown).toContain(`> ${sampleQuote}`);
    expect(markdown).toContain('#:~:text=Astonishingly');
    expect(markdown).toContain('#fraud');
    expect(markdown).toMatch(/\n\^gloss-[0-9a-f]{12}\n/);
    expect(markdown).toContain('## Threat actors\n\n- **Scattered Spider**');

    // Back up everything from the library, then restore it into a fresh profile.
    await library.getByRole('button', { name: 'Clear search and filters' }).click();
    const [jsonDownload] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^gloss-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = (await jsonDownload.path())!;
    expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({ type: 'AnnotationCollection', total: 2 });

    const fresh = await launchChromiumWithGloss();
    try {
      const freshLibrary = await fresh.context.newPage();
      await freshLibrary.goto(`chrome-extension://${fresh.extensionId}/library.html`);
      await freshLibrary.getByText('Nothing saved yet').waitFor(WAIT);
      await freshLibrary.getByLabel('Import backup').setInputFiles(backupPath);
      await expect.poll(() => freshLibrary.getByRole('status').filter({ hasText: 'Imported' }).count(), WAIT).toBe(1);
      expect(await freshLibrary.getByRole('status').filter({ hasText: 'Imported' }).textContent()).toContain('2 highlights added');
      await expect.poll(() => resultTitles(freshLibrary), WAIT).toHaveLength(2);

      for (const [url, quote] of [
        [sampleUrl, sampleQuote],
        [reportUrl, reportQuote],
      ]) {
        const page = await openPage(url, fresh.context);
        await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
        const freshPopup = await fresh.openPopupFor(page);
        const items = freshPopup.getByRole('region', { name: /Highlights/ }).locator('.highlight-list > li');
        await expect.poll(() => items.count(), WAIT).toBe(1);
        expect(await items.first().textContent()).toContain(quote.slice(0, 40));
      }
      // Importing the same file again changes nothing.
      await freshLibrary.getByLabel('Import backup').setInputFiles(backupPath);
      await expect.poll(() => freshLibrary.getByRole('status').filter({ hasText: '0 highlights added' }).count(), WAIT).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('opens a search result’s page and scrolls to the highlight', async () => {
    const url = env.server.url('storm-1152.html?case=library-open');
    const page = await openPage(url);
    await page.evaluate(() => window.scrollTo(0, 0));
    await highlight(page, 'Through meticulous investigation', 'to US law enforcement');
    await page.close();

    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    await library.getByRole('searchbox', { name: 'Search' }).fill('meticulous investigation');
    const quote = library.locator('.page-card .quote-button').first();
    await quote.waitFor(WAIT);
    const [opened] = await Promise.all([env.session.context.waitForEvent('page'), quote.click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(url);
    await expect.poll(() => opened.evaluate(() => window.scrollY), WAIT).toBeGreaterThan(200);
    await library.close();
    await opened.close();
  });
});

describe('Chromium: library actions take the focus', () => {
  it('focuses the rename field, so the typed name renames the tag', async () => {
    const page = await openPage(env.server.url('storm-1152.html?case=rename-focus'));
    await highlight(page, 'Astonishingly, the group', '750 million', 'renameme');

    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    await library.getByText(/Manage tags/).click();
    await library.getByRole('button', { name: 'Rename #renameme' }).click();
    await library.keyboard.press('Control+A');
    await library.keyboard.type('renamed-tag');
    await library.keyboard.press('Enter');
    await library.getByRole('status').filter({ hasText: 'Renamed the tag on 1 highlight.' }).waitFor(WAIT);
    await expect.poll(() => library.evaluate(() => document.activeElement?.getAttribute('aria-label')), WAIT).toBe('Rename #renamed-tag');
    await library.close();
    await page.close();
  });
});

describe('Chromium: notes in the library', () => {
  it('draws a long note from its Markdown, its first lines until the whole note is asked for', async () => {
    const page = await openPage(env.server.url('storm-1152.html?case=library-long-note'));
    await highlightText(page, 'Astonishingly, the group', '750 million', 'Add note');
    const editor = await glossEditor(page);
    const lines = Array.from({ length: 12 }, (_, i) => `- point ${i + 1}`);
    await editor.getByRole('textbox', { name: 'Note' }).fill(['**Scale** of it', '', ...lines, '', 'Last line.'].join('\n'));
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor.count(), WAIT).toBe(0);

    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    const card = library.locator('.page-card').filter({ hasText: 'Scale of it' });
    await card.locator('.note strong').filter({ hasText: 'Scale' }).waitFor(WAIT);
    const more = card.getByRole('button', { name: 'Show the whole note' });
    await more.waitFor(WAIT);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    const shown = () => card.locator('.note-frame').evaluate((frame) => frame.getBoundingClientRect().height);
    const whole = () => card.locator('.note-frame > div').evaluate((content) => content.getBoundingClientRect().height);
    expect(await shown()).toBeLessThan((await whole()) / 2);

    await more.click();
    const less = card.getByRole('button', { name: 'Show less of the note' });
    expect(await less.getAttribute('aria-expanded')).toBe('true');
    expect(await shown()).toBe(await whole());
    await less.click();
    await expect.poll(shown, WAIT).toBeLessThan((await whole()) / 2);

    // A note the search found words in opens whole, the words marked, and can still be clamped.
    await library.getByRole('searchbox', { name: 'Search' }).fill('Last line');
    await expect.poll(() => card.locator('.note mark').allTextContents(), WAIT).toEqual(['Last', 'line']);
    expect(await shown()).toBe(await whole());
    expect(await card.getByRole('button', { name: 'Show less of the note' }).getAttribute('aria-expanded')).toBe('true');
    await library.close();
    await page.close();
  });

  it('follows a note’s wikilinks: from the popup into the library searching, then within it', async () => {
    // No library tab left open by the tests before: the first wikilink opens one.
    for (const open of env.session.context.pages()) if (open.url().includes('/library.html')) await open.close();
    const page = await openPage(env.server.url('storm-1152.html?case=library-wikilinks'));
    await highlightText(page, 'Astonishingly, the group', '750 million', 'Add note');
    const editor = await glossEditor(page);
    await editor
      .getByRole('textbox', { name: 'Note' })
      .fill('Same crew as [[Octo Tempest|the SIM swappers]]? See [[Arkose Labs]]. #fraud/accounts **#urgent** \\#not-a-tag');
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor.count(), WAIT).toBe(0);

    const popup = await env.session.openPopupFor(page);
    const link = popup.getByRole('link', { name: 'the SIM swappers' });
    await link.waitFor(WAIT);
    // The note's inline tag shows as typed, a search of the library's tags.
    expect(await popup.getByRole('link', { name: '#fraud/accounts' }).getAttribute('href')).toBe('library.html?q=%23fraud%2Faccounts');
    // A tag in bold is a tag; an escaped one is text, as Obsidian reads them.
    expect(await popup.getByRole('link', { name: '#urgent' }).getAttribute('href')).toBe('library.html?q=%23urgent');
    expect(await popup.getByRole('link', { name: '#not-a-tag' }).count()).toBe(0);
    expect(await popup.getByText('#not-a-tag').count()).toBe(1);
    const [library] = await Promise.all([env.session.context.waitForEvent('page'), link.click()]);
    await library.waitForLoadState();
    expect(new URL(library.url()).searchParams.get('q')).toBe('Octo Tempest');
    const box = library.getByRole('searchbox', { name: 'Search' });
    await expect.poll(() => box.inputValue(), WAIT).toBe('Octo Tempest');
    await expect.poll(() => resultTitles(library), WAIT).toEqual([expect.stringContaining('Storm-1152')]);

    // In the library a wikilink searches in place: no other tab, the searchbox holds its target.
    const pagesBefore = env.session.context.pages().length;
    await library.locator('.page-card').getByRole('link', { name: 'Arkose Labs' }).click();
    await expect.poll(() => box.inputValue(), WAIT).toBe('Arkose Labs');
    expect(await box.evaluate((input) => input === document.activeElement)).toBe(true);
    // The address keeps the search, so a reload opens it again.
    expect(new URL(library.url()).searchParams.get('q')).toBe('Arkose Labs');
    expect(env.session.context.pages().length).toBe(pagesBefore);
    await expect.poll(() => resultTitles(library), WAIT).toEqual([expect.stringContaining('Storm-1152')]);
    // The note stays drawn, the words found marked where they show.
    const marked = library.locator('.page-card .note a.note-wikilink mark');
    await expect.poll(() => marked.allTextContents(), WAIT).toEqual(['Arkose', 'Labs']);
    // A short note has nothing to clamp, so no toggle.
    expect(await library.locator('.page-card .note-more').count()).toBe(0);
    await library.reload();
    await expect.poll(() => box.inputValue(), WAIT).toBe('Arkose Labs');
    // An inline #tag searches the tags in place, and finds the note that carries it.
    await library.locator('.page-card').getByRole('link', { name: '#fraud/accounts' }).click();
    await expect.poll(() => box.inputValue(), WAIT).toBe('#fraud/accounts');
    await expect.poll(() => resultTitles(library), WAIT).toEqual([expect.stringContaining('Storm-1152')]);
    // The Tag filter lists it too.
    const tagOptions = await library.locator('#filter-tag option').allTextContents();
    expect(tagOptions).toEqual(expect.arrayContaining(['fraud/accounts (1 page)', 'urgent (1 page)']));
    expect(tagOptions.some((option) => option.startsWith('not-a-tag'))).toBe(false);
    expect(env.session.context.pages().length).toBe(pagesBefore);

    // With the library open, a wikilink followed in the popup searches there: no second library tab.
    await popup.bringToFront();
    await popup.getByRole('link', { name: 'the SIM swappers' }).click();
    await expect.poll(() => box.inputValue(), WAIT).toBe('Octo Tempest');
    expect(env.session.context.pages().length).toBe(pagesBefore);
    // Open library, too, brings that tab forward, its search kept, and opens no other.
    const libraryActive = () => library.evaluate(async () => (await chrome.tabs.getCurrent())?.active);
    await popup.bringToFront();
    await expect.poll(libraryActive, WAIT).toBe(false);
    await popup.getByRole('button', { name: 'Open library' }).click();
    await expect.poll(libraryActive, WAIT).toBe(true);
    expect(env.session.context.pages().filter((open) => open.url().includes('/library.html'))).toHaveLength(1);
    expect(await box.inputValue()).toBe('Octo Tempest');
    await library.close();
    if (!popup.isClosed()) await popup.close();
    await page.close();
  });
});
