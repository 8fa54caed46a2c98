import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ENCRYPTED_PDF_PASSWORD, testPdf } from '../../harness/test-pdfs';
import { useChromium } from './support/browser-sessions';
import { SAMPLE_TITLE } from './support/sample';
import {
  canvasColourScript,
  EXPECTED_LINKS,
  PAGE_LINKS_SCRIPT,
  PICTURE_BLUE,
  PICTURE_RED,
  spanEdgesScript,
  usePdfServer,
  VIEWER_STATE_SCRIPT,
  type ViewerState,
} from './support/pdf-viewer';
import { JAPANESE_LINE, JPEG2000_PICTURE, PDF_LINKS } from '../../harness/reach-pdfs';
import { useTestPdfs } from '../support/use-test-pdfs';

useTestPdfs(['long', 'sample', 'sample-no-outline', 'scanned', 'broken', 'encrypted', 'japanese', 'jpeg2000', 'links']);

const env = useChromium();
const pdfs = usePdfServer();

const state = (page: Page) => page.evaluate(VIEWER_STATE_SCRIPT) as Promise<ViewerState>;

async function openViewer(search: string): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(`chrome-extension://${env.session.extensionId}/pdf.html${search}`);
  return page;
}

/** Opens a test PDF in the viewer and waits for page 1 to be drawn (with its text, unless it has none). */
async function openPdf(name: Parameters<typeof pdfs.urlOf>[0], { hasText = true } = {}): Promise<Page> {
  const page = await openViewer(`?file=${encodeURIComponent(await pdfs.urlOf(name))}`);
  await page
    .locator(`.pdf-page[data-page-number="1"][data-rendered]${hasText ? ' .textLayer span:not(.markedContent)' : ''}`)
    .first()
    .waitFor();
  return page;
}

describe('Chromium: Gloss’s PDF viewer', () => {
  it('opens the printed sample article and shows page 1 with a text layer the mouse can select', async () => {
    const page = await openPdf('sample');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Storm-1152');
    expect(await page.title()).toContain('Storm-1152');
    const first = page.getByRole('region', { name: 'Page 1' });
    expect(await first.locator('canvas').count()).toBe(1);
    expect(await first.locator('.textLayer').textContent()).toContain('Storm-1152');

    // The outline sidebar opens once the whole text is read, which moves the pages: select after that.
    await page.locator('.pdf-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Outline' }).waitFor();
    const edges = (await page.evaluate(spanEdgesScript('750 million'))) as { left: number; right: number; y: number } | null;
    expect(edges).not.toBeNull();
    await page.getByRole('region', { name: 'Page 1' }).scrollIntoViewIfNeeded();
    const box = (await page.evaluate(spanEdgesScript('750 million'))) as { left: number; right: number; y: number };
    await page.mouse.move(box.left, box.y);
    await page.mouse.down();
    await page.mouse.move(box.right, box.y, { steps: 5 });
    await page.mouse.up();
    expect((await state(page)).selection).toBe('750 million');

    // Ctrl+A selects the document's text, not the viewer's own controls (its bar, the outline).
    await page.keyboard.press('Control+A');
    const all = (await state(page)).selection;
    expect(all).toContain('Astonishingly, the group managed to generate');
    expect(all).not.toContain('Fit width');
    expect(all).not.toMatch(/^Outline/);
    await page.close();
  });

  it('zooms, goes from page to page and finds text, all by keyboard', async () => {
    const page = await openPdf('long');
    const before = await state(page);
    expect(before.pages).toBeGreaterThanOrEqual(100);
    expect(before.pageNumber).toBe('1');

    await page.keyboard.press('Control+Equal');
    await expect.poll(async () => (await state(page)).zoom).not.toBe(before.zoom);
    const zoomedIn = Number.parseInt((await state(page)).zoom!, 10);
    expect(zoomedIn).toBeGreaterThan(Number.parseInt(before.zoom!, 10));
    await page.keyboard.press('Control+Minus');
    await page.keyboard.press('Control+Minus');
    await expect.poll(async () => Number.parseInt((await state(page)).zoom!, 10)).toBeLessThan(Number.parseInt(before.zoom!, 10));

    await page.locator('.pdf-scroller').focus();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await state(page)).pageInView).toBe(3);
    expect((await state(page)).pageNumber).toBe('3');
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await state(page)).pageInView).toBe(2);

    const field = page.getByRole('spinbutton', { name: 'Page number' });
    await field.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('60');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).pageInView).toBe(60);
    // The page in view is drawn before its neighbours (however busy the machine, it may take a while).
    await expect.poll(async () => (await state(page)).drawn, { timeout: 30_000 }).toContain(60);
    // Lazy: only pages near the view are drawn, not the hundred before.
    expect((await state(page)).drawn.length).toBeLessThan(12);

    // Find waits for nothing: matches on pages whose text is read are counted as they come.
    await page.keyboard.press('Control+F');
    const search = page.getByRole('searchbox', { name: 'Find in document' });
    await expect.poll(async () => (await state(page)).focused).toBe('Find in document');
    await page.keyboard.type('Zealand');
    await expect.poll(async () => (await state(page)).findStatus, { timeout: 60_000 }).toMatch(/^\d+\+? matches$/);
    // The first match shown is the first on or after the page being read, and it is marked there.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).findStatus).toMatch(/^\d+ of \d+$/);
    const firstShown = Number.parseInt((await state(page)).findStatus!, 10);
    expect(firstShown).toBeGreaterThan(1);
    await expect.poll(async () => (await state(page)).currentMarks).toBe(1);
    expect(Number((await state(page)).pageNumber)).toBeGreaterThanOrEqual(60);
    expect((await state(page)).marks).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).findStatus).toMatch(new RegExp(`^${firstShown + 1} of `));
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(async () => (await state(page)).findStatus).toMatch(new RegExp(`^${firstShown - 1} of `));
    await expect.poll(async () => (await state(page)).currentMarks).toBe(1);
    await search.press('Escape');
    await expect.poll(() => search.count()).toBe(0);
    await expect.poll(async () => (await state(page)).marks + (await state(page)).currentMarks).toBe(0);
    await page.close();
  });

  it('shows the outline as a sidebar, and its links lead to their pages by keyboard', async () => {
    const page = await openPdf('long');
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await expect.poll(() => outline.getByRole('link').count(), { timeout: 60_000 }).toBeGreaterThan(5);
    const links = await outline.getByRole('link').allTextContents();
    const target = outline.getByRole('link', { name: links.at(-1)!, exact: true });
    await target.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number((await state(page)).pageInView)).toBeGreaterThan(50);
    // The entry for the section in view is marked as the current one.
    await expect.poll(() => outline.locator('a[aria-current="location"]').count()).toBe(1);

    // The toolbar's Outline button hides and shows it again.
    const toggle = page.getByRole('button', { name: 'Outline' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.press('Enter');
    await expect.poll(() => outline.count()).toBe(0);
    await page.close();
  });

  it('infers the outline from font sizes when the PDF has no bookmarks', async () => {
    const page = await openPdf('sample-no-outline');
    // Headings found in the text open the sidebar by themselves, as bookmarks do.
    await expect.poll(() => page.getByRole('button', { name: 'Outline' }).getAttribute('aria-pressed')).toBe('true');
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await expect.poll(() => outline.getByRole('link').allTextContents()).toContain('Overview of Storm-1152’s fraudulent activities');
    await page.close();
  });

  it('offers “Open in Gloss” in the popup of a tab showing a PDF, and shows it there', async () => {
    const url = await pdfs.urlOf('sample');
    const page = await env.session.context.newPage();
    await page.goto(url);
    const popup = await env.session.openPopupFor(page);
    await popup.getByRole('button', { name: 'Open in Gloss' }).click();
    await page.waitForURL(`chrome-extension://${env.session.extensionId}/pdf.html?file=${encodeURIComponent(url)}`);
    await page.locator('.pdf-page[data-rendered] .textLayer span:not(.markedContent)').first().waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(SAMPLE_TITLE);
    await popup.close().catch(() => undefined);
    await page.close();
  });

  it('opens a local file from the file picker, and says so plainly when a file is broken, encrypted or scanned', async () => {
    const page = await openViewer('');
    await page.getByText('Open a PDF file').waitFor();
    await page
      .getByLabel('Open a PDF file')
      .setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: await readFile(await testPdf('sample')) });
    await page.locator('.pdf-page[data-rendered] .textLayer span:not(.markedContent)').first().waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(SAMPLE_TITLE);

    await page
      .getByLabel('Open a PDF file')
      .setInputFiles({ name: 'broken.pdf', mimeType: 'application/pdf', buffer: await readFile(await testPdf('broken')) });
    await expect.poll(() => page.getByRole('alert').getByRole('heading').textContent()).toBe('This PDF is damaged');
    // A protected file asks for its password (the next test goes through it); Escape gives up.
    await page
      .getByLabel('Open a PDF file')
      .setInputFiles({ name: 'encrypted.pdf', mimeType: 'application/pdf', buffer: await readFile(await testPdf('encrypted')) });
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('alert').getByRole('heading').textContent()).toBe('This PDF is protected by a password');
    await page.close();

    const scanned = await openPdf('scanned', { hasText: false });
    await expect.poll(() => scanned.getByRole('heading', { name: 'This PDF has no text to read' }).count()).toBe(1);
    await scanned.close();

    const refused = await openViewer(`?file=${encodeURIComponent('javascript:alert(1)')}`);
    await expect.poll(() => refused.getByRole('alert').getByRole('heading').textContent()).toBe('Gloss only opens PDFs from web addresses');
    await refused.close();
  });

  it('reads Japanese text in a font the PDF only names, and draws a JPEG 2000 picture', async () => {
    const japanese = await openPdf('japanese');
    await expect.poll(() => japanese.getByRole('region', { name: 'Page 1' }).locator('.textLayer').textContent()).toContain(JAPANESE_LINE);
    await japanese.close();

    const picture = await openPdf('jpeg2000');
    const { left, top, size } = JPEG2000_PICTURE;
    const colourAt = (fromTop: number) => picture.evaluate(canvasColourScript(left + size / 2, top + fromTop)) as Promise<number[] | null>;
    // Red above the stripe, blue in it (rows 12 to 19 of 32): the picture decoded, not left blank (white).
    await expect.poll(() => colourAt(size / 8)).toEqual(PICTURE_RED);
    expect(await colourAt(size / 2)).toEqual(PICTURE_BLUE);
    await picture.close();
  });

  it('asks for a protected PDF’s password, says when it is wrong, and opens the PDF with the right one', async () => {
    const page = await openViewer(`?file=${encodeURIComponent(await pdfs.urlOf('encrypted'))}`);
    // The field takes the focus as it appears, empty, and is a password field: a reader types at once, shown as dots.
    const typePassword = async (password: string) => {
      await expect
        .poll(() =>
          page.evaluate(() => [
            (document.activeElement as HTMLInputElement | null)?.type,
            (document.activeElement as HTMLInputElement | null)?.value,
          ]),
        )
        .toEqual(['password', '']);
      await page.keyboard.type(password);
      await page.keyboard.press('Enter');
    };
    await typePassword('not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('That password does not open this PDF. Try again.');

    // Cancel: the message offers to ask again, or to read the PDF in the browser's own viewer.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('link', { name: 'Open in the browser’s viewer' }).getAttribute('href')).toBe(await pdfs.urlOf('encrypted'));
    await page.getByRole('button', { name: 'Enter the password' }).click();
    await typePassword(ENCRYPTED_PDF_PASSWORD);
    await page.locator('.pdf-page[data-page-number="1"][data-rendered] .textLayer span:not(.markedContent)').first().waitFor();
    expect(await page.getByRole('region', { name: 'Page 1' }).locator('.textLayer').textContent()).toContain(
      'Secret report about Storm-1152',
    );
    await page.close();
  });

  it('lays the PDF’s links over their words: web and mail addresses open apart, a page link goes to its page, scripts never', async () => {
    const page = await openPdf('links');
    await expect.poll(() => page.evaluate(PAGE_LINKS_SCRIPT)).toEqual(EXPECTED_LINKS);
    // By keyboard: the page link, then Enter.
    await page.getByRole('link', { name: PDF_LINKS.page.words }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).pageNumber).toBe('2');
    await page.close();
  });

  it('saves a copy of the PDF as it was opened, from the bar or with Ctrl+S', async () => {
    const file = await testPdf('sample');
    const page = await openPdf('sample');
    const [fromBar] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(fromBar.suggestedFilename()).toBe(path.basename(file));
    expect(Buffer.compare(await readFile((await fromBar.path())!), await readFile(file))).toBe(0);
    const [fromKeys] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+S')]);
    expect(fromKeys.suggestedFilename()).toBe(path.basename(file));
    await page.close();
  });
});
