import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ENCRYPTED_PDF_PASSWORD, testPdf } from '../../harness/test-pdfs';
import { useFirefox } from './support/browser-sessions';
import { downloaded } from './support/firefox-downloads';
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
import { JAPANESE_LINE, JPEG2000_PICTURE } from '../../harness/reach-pdfs';
import { useTestPdfs } from '../support/use-test-pdfs';
import { tabIdOf } from './support/firefox-gloss-ui';

useTestPdfs(['broken', 'sample', 'sample-no-outline', 'scanned', 'encrypted', 'japanese', 'jpeg2000', 'links']);

const env = useFirefox();
const pdfs = usePdfServer();

const state = (page: Page) => page.evaluate(VIEWER_STATE_SCRIPT) as Promise<ViewerState>;
const FIRST_PAGE_TEXT = '.pdf-page[data-page-number="1"][data-rendered] .textLayer span:not(.markedContent)';

/** The text of the viewer's level-1 heading (the document's title), or null. */
const titleOf = (page: Page) => page.evaluate(() => document.querySelector('h1')?.textContent ?? null);

/** Points the viewer at another test PDF, as a reader following a link to it would. */
async function show(page: Page, name: Parameters<typeof pdfs.urlOf>[0]): Promise<void> {
  const url = await pdfs.urlOf(name);
  await page.evaluate(
    (search) => {
      location.search = search;
    },
    `?file=${encodeURIComponent(url)}`,
  );
}

/** The heading of the viewer's alert, where it says what is wrong. */
const alertOf = (page: Page) => page.evaluate(() => document.querySelector('[role="alert"] :is(h1, h2)')?.textContent ?? null);

describe('Firefox: Gloss’s PDF viewer', () => {
  let viewer: Page;

  it('offers “Open in Gloss” in the popup of a tab showing a PDF, and shows page 1 there with selectable text', async () => {
    const url = await pdfs.urlOf('sample');
    const page = await env.session.browser.newPage();
    await page.goto(url);
    // The e2e build opens the popup for a page it loads, but Firefox's PDF viewer tab never reports that it
    // finished loading: open the popup for an article instead, then point it at the PDF's tab (popup.html?tab=<id>).
    const { page: article, popup } = await env.session.openWithPopup(env.server.url('storm-1152.html'));
    const tabId = await tabIdOf(popup, url);
    expect(tabId).not.toBeNull();
    await popup.evaluate((id) => {
      location.search = `?tab=${id}`;
    }, tabId);
    const open = await popup.waitForSelector('::-p-aria(Open in Gloss[role="button"])', { timeout: 20_000 });
    await open!.click();
    await article.close();
    // pdf.js draws pages in animation frames, which a background tab does not get: look at the tab, as the reader does.
    await page.bringToFront();
    await expect
      .poll(() => page.evaluate(() => location.href).catch(() => ''), { timeout: 20_000 })
      .toMatch(/^moz-extension:\/\/[^/]+\/pdf\.html\?file=/);
    await page.waitForSelector(FIRST_PAGE_TEXT, { timeout: 30_000 });
    viewer = page;
    await expect.poll(() => titleOf(page)).toContain(SAMPLE_TITLE);

    // The outline sidebar opens once the whole text is read, which moves the pages: select after that.
    await page.waitForFunction(() => !document.querySelector('.pdf-progress') && document.querySelector('nav[aria-label="Outline"]'), {
      timeout: 30_000,
    });
    const box = (await page.evaluate(spanEdgesScript('750 million'))) as { left: number; right: number; y: number } | null;
    expect(box).not.toBeNull();
    await page.mouse.move(box!.left, box!.y);
    await page.mouse.down();
    await page.mouse.move(box!.right, box!.y, { steps: 5 });
    await page.mouse.up();
    expect((await state(page)).selection).toBe('750 million');

    // Ctrl+A selects the document's text, not the viewer's own controls (its bar, the outline).
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    const all = (await state(page)).selection;
    expect(all).toContain('Astonishingly, the group managed to generate');
    expect(all).not.toContain('Fit width');
    expect(all).not.toMatch(/^Outline/);
  });

  it('zooms, goes from page to page and finds text, by keyboard', async () => {
    const page = viewer;
    const before = await state(page);
    await page.keyboard.down('Control');
    await page.keyboard.press('=');
    await page.keyboard.up('Control');
    await expect.poll(async () => Number.parseInt((await state(page)).zoom!, 10)).toBeGreaterThan(Number.parseInt(before.zoom!, 10));

    await page.focus('.pdf-scroller');
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await state(page)).pageInView).toBe(2);
    expect((await state(page)).pageNumber).toBe('2');
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await state(page)).pageInView).toBe(1);

    await page.keyboard.down('Control');
    await page.keyboard.press('f');
    await page.keyboard.up('Control');
    await expect.poll(async () => (await state(page)).focused).toBe('Find in document');
    await page.keyboard.type('Storm-1152');
    await expect.poll(async () => (await state(page)).findStatus).toMatch(/^\d+ matches$/);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).findStatus).toMatch(/^1 of \d+$/);
    await expect.poll(async () => (await state(page)).currentMarks).toBe(1);
    expect((await state(page)).marks).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await state(page)).findStatus).toBeNull();
  });

  it('opens a local file from the file picker, and says plainly what is wrong with a broken or scanned one', async () => {
    const page = viewer;
    const input = await page.$('input[type="file"]');
    await input!.uploadFile(await testPdf('sample-no-outline'));
    // The same article, now from the file: its outline is inferred from font sizes.
    await expect
      .poll(() => page.evaluate(() => [...document.querySelectorAll('nav[aria-label="Outline"] a')].map((a) => a.textContent)), {
        timeout: 30_000,
      })
      .toContain('Overview of Storm-1152’s fraudulent activities');

    const broken = await pdfs.urlOf('broken');
    await page.evaluate(
      (search) => {
        location.search = search;
      },
      `?file=${encodeURIComponent(broken)}`,
    );
    await expect.poll(() => alertOf(page), { timeout: 20_000 }).toBe('This PDF is damaged');

    const scanned = await pdfs.urlOf('scanned');
    await page.evaluate(
      (search) => {
        location.search = search;
      },
      `?file=${encodeURIComponent(scanned)}`,
    );
    await expect
      .poll(() => page.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.textContent)), { timeout: 20_000 })
      .toContain('This PDF has no text to read');
  });

  it('reads Japanese text in a font the PDF only names, and draws a JPEG 2000 picture', async () => {
    const page = viewer;
    await show(page, 'japanese');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.pdf-page[data-page-number="1"] .textLayer')?.textContent ?? ''), {
        timeout: 20_000,
      })
      .toContain(JAPANESE_LINE);

    await show(page, 'jpeg2000');
    const { left, top, size } = JPEG2000_PICTURE;
    const colourAt = (fromTop: number) => page.evaluate(canvasColourScript(left + size / 2, top + fromTop)) as Promise<number[] | null>;
    // Red above the stripe, blue in it (rows 12 to 19 of 32): the picture decoded, not left blank (white).
    await expect.poll(() => colourAt(size / 8), { timeout: 20_000 }).toEqual(PICTURE_RED);
    expect(await colourAt(size / 2)).toEqual(PICTURE_BLUE);
  });

  it('asks for a protected PDF’s password, and opens the PDF with it', async () => {
    const page = viewer;
    await show(page, 'encrypted');
    // The field takes the focus as it appears, empty: a reader types at once.
    const typePassword = async (password: string) => {
      await expect
        .poll(
          () =>
            page.evaluate(() => [
              (document.activeElement as HTMLInputElement | null)?.type,
              (document.activeElement as HTMLInputElement | null)?.value,
            ]),
          { timeout: 20_000 },
        )
        .toEqual(['password', '']);
      await page.keyboard.type(password);
      await page.keyboard.press('Enter');
    };
    await typePassword('not the password');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('[role="alert"]')?.textContent ?? null))
      .toBe('That password does not open this PDF. Try again.');
    await typePassword(ENCRYPTED_PDF_PASSWORD);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.pdf-page[data-page-number="1"] .textLayer')?.textContent ?? ''), {
        timeout: 20_000,
      })
      .toContain('Secret report about Storm-1152');
  });

  it('lays the PDF’s links over their words, and a page link goes to its page', async () => {
    const page = viewer;
    await show(page, 'links');
    await expect.poll(() => page.evaluate(PAGE_LINKS_SCRIPT), { timeout: 20_000 }).toEqual(EXPECTED_LINKS);
    await page.focus('.pdf-links a[href="#page=2"]');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).pageNumber).toBe('2');
  });

  it('saves a copy of the PDF as it was opened', async () => {
    const page = viewer;
    await show(page, 'sample');
    await page.waitForSelector(FIRST_PAGE_TEXT, { timeout: 20_000 });
    await page.evaluate(() => [...document.querySelectorAll('button')].find((button) => button.textContent === 'Download')!.click());
    const saved = await downloaded(env.session.downloadDir, '.pdf', 'sample-');
    expect(Buffer.compare(readFileSync(saved), readFileSync(await testPdf('sample')))).toBe(0);
  });
});
