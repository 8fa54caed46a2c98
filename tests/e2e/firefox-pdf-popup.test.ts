import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { SAMPLE_TITLE } from './support/sample';
import { usePdfServer, VIEWER_STATE_SCRIPT, type ViewerState } from './support/pdf-viewer';
import { samplePdfHighlight, sampleMentions, VIEWER_MARKS_SCRIPT, type ViewerMarks } from './support/pdf-popup';
import { useTestPdfs } from '../support/use-test-pdfs';
import { tabIdOf } from './support/firefox-gloss-ui';

const env = useFirefox();
useTestPdfs(['sample']);

const pdfs = usePdfServer();

const WAIT = { timeout: 20_000 };
const state = (page: Page) => page.evaluate(VIEWER_STATE_SCRIPT) as Promise<ViewerState>;
const viewerMarks = (page: Page) => page.evaluate(VIEWER_MARKS_SCRIPT) as Promise<ViewerMarks>;
/** The texts of the popup's live status messages. */
const statuses = (popup: Page) =>
  popup.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
const textOf = (popup: Page, selector: string) => popup.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
/** Clicks the button named `name` in the popup, polling on a timer (a background tab gets no animation frames). */
async function click(popup: Page, name: string): Promise<void> {
  const handle = await popup.waitForSelector(`::-p-aria(${name}[role="button"])`, { ...WAIT, polling: 100 } as never);
  await handle!.click();
}

describe('Firefox: the popup for Gloss’s PDF viewer', () => {
  it('shows the PDF’s title, outline, entities and highlight, and steps through mentions in the viewer', async () => {
    const url = await pdfs.urlOf('sample');
    const viewer = await env.session.browser.newPage();
    await viewer.goto(url);
    // As in the viewer's own test: the popup opened for an article, pointed at the PDF's tab, opens it in Gloss.
    const { page: article, popup } = await env.session.openWithPopup(env.server.url('storm-1152.html?case=pdf-popup'));
    const tabId = await tabIdOf(popup, url);
    expect(tabId).not.toBeNull();
    await popup.evaluate((id) => {
      location.search = `?tab=${id}`;
    }, tabId);
    await click(popup, 'Open in Gloss');
    await article.close();
    await viewer.bringToFront();
    await expect
      .poll(() => viewer.evaluate(() => location.href).catch(() => ''), WAIT)
      .toMatch(/^moz-extension:\/\/[^/]+\/pdf\.html\?file=/);
    await viewer.waitForFunction(() => !document.querySelector('.pdf-progress') && document.querySelector('.textLayer span'), {
      timeout: 30_000,
      polling: 100,
    });

    // The highlight as the viewer stores one: through the background, from Gloss's own page.
    const record = await samplePdfHighlight(url, '750 million');
    await viewer.evaluate(
      (record) =>
        (globalThis as unknown as { browser: { runtime: { sendMessage: (m: object) => Promise<unknown> } } }).browser.runtime.sendMessage({
          type: 'restore-annotation',
          record,
        }),
      record as never,
    );

    // The popup, opened again for the viewer's tab.
    await popup.evaluate(() => location.reload());
    await expect.poll(() => textOf(popup, 'h1'), WAIT).toContain(SAMPLE_TITLE);
    expect(await textOf(popup, '.pdf-facts')).toMatch(/^PDF, \d+ pages$/);
    expect(await popup.evaluate(() => document.querySelectorAll('nav[aria-label="Outline"] a').length)).toBeGreaterThan(3);
    await expect.poll(() => textOf(popup, 'section.highlights'), WAIT).toContain('750 million');

    const n = await sampleMentions('Storm-1152');
    await click(popup, `Storm-1152 (${n})`);
    await expect.poll(() => statuses(popup), WAIT).toContain(`Mention 1 of ${n}`);
    await expect.poll(async () => (await viewerMarks(viewer)).actors, WAIT).toBeGreaterThan(0);
    expect((await viewerMarks(viewer)).focused).toEqual(['Storm-1152']);

    const before = await viewerMarks(viewer);
    await click(popup, 'Previous mention');
    await expect.poll(() => statuses(popup), WAIT).toContain(`Mention ${n} of ${n}`);
    await expect.poll(async () => (await viewerMarks(viewer)).focusPage, WAIT).not.toBe(before.focusPage);
    const after = await viewerMarks(viewer);
    expect(after.focused).toEqual(['Storm-1152']);
    expect(after.scrollTop).toBeGreaterThan(before.scrollTop);
    expect((await state(viewer)).pageInView).toBe(after.focusPage);

    // The library lists the PDF beside the articles, labelled as one, with its highlight.
    // The list paints from the pages first, then lists each page's highlights once they are all read.
    const library = await env.session.openLibrary(popup);
    const pdfCard = () =>
      library.evaluate(
        () => [...document.querySelectorAll('article.page-card')].find((card) => card.querySelector('.pdf-badge'))?.textContent ?? '',
      );
    await expect.poll(pdfCard, { timeout: 20_000, interval: 100 }).toContain('750 million');
    expect(await pdfCard()).toContain(SAMPLE_TITLE);
    await library.close();
    await popup.close();
    await viewer.close();
  });
});
