import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { SAMPLE_TITLE } from './support/sample';
import { usePdfServer, VIEWER_STATE_SCRIPT, type ViewerState } from './support/pdf-viewer';
import { samplePdfHighlight, sampleMentions, VIEWER_MARKS_SCRIPT, type ViewerMarks } from './support/pdf-popup';
import { useTestPdfs } from '../support/use-test-pdfs';

const env = useChromium();
useTestPdfs(['sample', 'long']);

const pdfs = usePdfServer();

const state = (page: Page) => page.evaluate(VIEWER_STATE_SCRIPT) as Promise<ViewerState>;

const viewerMarks = (page: Page) => page.evaluate(VIEWER_MARKS_SCRIPT) as Promise<ViewerMarks>;

async function openSampleInViewer(): Promise<{ viewer: Page; url: string }> {
  const url = await pdfs.urlOf('sample');
  const viewer = await env.session.context.newPage();
  await viewer.goto(`chrome-extension://${env.session.extensionId}/pdf.html?file=${encodeURIComponent(url)}`);
  await viewer.locator('.pdf-page[data-page-number="1"][data-rendered] .textLayer span:not(.markedContent)').first().waitFor();
  return { viewer, url };
}

/**
 * For a popup opened with `?hold-reading-reply`: its first `analyze-tab` answer, when it says the viewer is
 * still reading, is held until the background's "done" report (`pdf-reading`, ready) has been broadcast.
 */
const HOLD_READING_REPLY = `(() => {
  if (!new URLSearchParams(location.search).has('hold-reading-reply')) return;
  const runtime = globalThis.chrome.runtime;
  let release;
  const done = new Promise((resolve) => (release = resolve));
  runtime.onMessage.addListener((message) => {
    if (message?.type === 'pdf-reading' && message.ready === true) release();
  });
  const send = runtime.sendMessage;
  let held = false;
  runtime.sendMessage = function (...args) {
    const result = send.apply(this, args);
    if (held || args[0]?.type !== 'analyze-tab') return result;
    return result.then(async (reply) => {
      if (held || reply?.ok !== false || reply.reason !== 'reading-pdf') return reply;
      held = true;
      window.heldReadingReply = true;
      await done;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return reply;
    });
  };
})();`;

describe('Chromium: the popup for Gloss’s PDF viewer', () => {
  it('shows the PDF’s title, outline, entities and highlight; steps through mentions and outline entries in the viewer', async () => {
    const { viewer, url } = await openSampleInViewer();
    // The highlight as the viewer stores one: through the background, from Gloss's own page.
    const record = await samplePdfHighlight(url, '750 million');
    await viewer.evaluate((record) => chrome.runtime.sendMessage({ type: 'restore-annotation', record }), record);
    await viewer.locator('.pdf-progress').waitFor({ state: 'detached', timeout: 30_000 });

    const popup = await env.session.openPopupFor(viewer);
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toContain(SAMPLE_TITLE);
    expect(await popup.getByText(/^PDF, \d+ pages$/).count()).toBe(1);

    const outline = popup.getByRole('navigation', { name: 'Outline' });
    expect(await outline.getByRole('link').count()).toBeGreaterThan(3);

    const highlights = popup.getByRole('region', { name: 'Highlights' });
    await expect.poll(() => highlights.textContent()).toContain('750 million');
    expect(await highlights.textContent()).toContain('The scale of the fraud');

    const n = await sampleMentions('Storm-1152');
    expect(n).toBeGreaterThanOrEqual(17);
    const actors = popup.getByRole('region', { name: 'Entities' }).getByRole('group', { name: 'Threat actors' });
    const storm = actors.getByRole('button', { name: `Storm-1152 (${n})` });
    await storm.click();
    await expect.poll(() => popup.getByText(`Mention 1 of ${n}`).count()).toBe(1);
    await expect.poll(async () => (await viewerMarks(viewer)).actors).toBeGreaterThan(0);
    expect((await viewerMarks(viewer)).focused).toEqual(['Storm-1152']);

    // Stepping to the last mention scrolls the viewer to its page and marks it there.
    const before = await viewerMarks(viewer);
    await popup.getByRole('button', { name: 'Previous mention' }).click();
    await expect.poll(() => popup.getByText(`Mention ${n} of ${n}`).count()).toBe(1);
    await expect.poll(async () => (await viewerMarks(viewer)).focused, { timeout: 20_000 }).toEqual(['Storm-1152']);
    await expect.poll(async () => (await viewerMarks(viewer)).focusPage, { timeout: 20_000 }).not.toBe(before.focusPage);
    const after = await viewerMarks(viewer);
    expect(after.scrollTop).toBeGreaterThan(before.scrollTop);
    expect((await state(viewer)).pageInView).toBe(after.focusPage);

    // An outline entry scrolls the viewer to its page.
    const links = outline.getByRole('link');
    await links.first().click();
    await expect.poll(async () => (await state(viewer)).pageInView).toBe(1);
    await links.last().click();
    await expect.poll(async () => (await state(viewer)).pageInView).toBeGreaterThan(1);

    // Clicking the highlight scrolls the viewer back to it.
    await highlights.getByText('750 million').first().click();
    await expect.poll(async () => (await state(viewer)).pageInView).toBe(1);

    // The exports of the viewer's tab are the PDF's: links to the page, the fingerprint, the address.
    const tabId = await env.session.tabIdOf(viewer);
    const exported = (format: string) =>
      popup.evaluate(
        async ([tabId, format]) =>
          (await chrome.runtime.sendMessage({ type: 'export-page', tabId, format })) as { ok: boolean; text: string },
        [tabId, format] as const,
      );
    const markdown = await exported('markdown');
    expect(markdown.ok).toBe(true);
    expect(markdown.text).toContain(`${url}#page=1`);
    const backup = await exported('json');
    expect(backup.text).toContain(record.documentKey);
    const stix = await exported('stix');
    expect(stix.text).toContain(url);
    await popup.close();

    // The side panel for the viewer's tab shows the same, every entity and highlight at once.
    const panel = await env.session.context.newPage();
    await panel.goto(`chrome-extension://${env.session.extensionId}/sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toContain(SAMPLE_TITLE);
    await panel
      .getByRole('region', { name: 'Entities' })
      .getByRole('button', { name: `Storm-1152 (${n})` })
      .waitFor();
    await expect.poll(() => panel.getByRole('region', { name: 'Highlights' }).textContent()).toContain('750 million');
    await panel.close();

    // The library lists the PDF beside articles, and opens it in the viewer.
    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    const card = library.getByRole('article', { name: SAMPLE_TITLE });
    await card.waitFor();
    expect(await card.locator('.pdf-badge').textContent()).toBe('PDF');
    expect(await card.textContent()).toContain('750 million');
    await viewer.close();
    const opened = env.session.context.waitForEvent('page');
    await card.getByRole('heading', { level: 2 }).getByRole('button').click();
    const reopened = await opened;
    await reopened.waitForURL(/\/pdf\.html\?file=/);
    expect(decodeURIComponent(new URL(reopened.url()).searchParams.get('file')!)).toBe(url);
    await reopened.locator('.pdf-page[data-page-number="1"][data-rendered] .textLayer span:not(.markedContent)').first().waitFor();
    await reopened.close();
    await library.close();
  });

  it('says how far the viewer has read while it reads a long PDF, never that the tab cannot be read, then shows it', async () => {
    const url = await pdfs.urlOf('long');
    const viewer = await env.session.context.newPage();
    await viewer.goto(`chrome-extension://${env.session.extensionId}/pdf.html?file=${encodeURIComponent(url)}`);
    await viewer.locator('.pdf-page[data-page-number="1"][data-rendered] .textLayer span:not(.markedContent)').first().waitFor();
    const popup = await env.session.openPopupFor(viewer);
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const now = await popup.evaluate(() => ({
            alert: document.querySelector('[role="alert"]')?.textContent ?? null,
            reading: document.querySelector('.pdf-reading')?.textContent ?? null,
            title: document.querySelector('.article-header h1')?.textContent ?? null,
          }));
          if (now.alert) seen.add(`alert: ${now.alert}`);
          if (now.reading) seen.add(now.reading.includes('of 1') ? 'progress' : 'waiting');
          return now.title;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toMatch(/\S/);
    expect([...seen].filter((entry) => entry.startsWith('alert'))).toEqual([]);
    expect(await popup.getByText(/^PDF, \d{3} pages$/).count()).toBe(1);
    await popup.close();
    await viewer.close();
  });

  it('shows the PDF when the viewer finishes reading while the popup’s view is still loading', async () => {
    // A popup opened with ?hold-reading-reply gets its first "still reading" answer only after the viewer's
    // "done" report has gone by, as on a loaded machine where the view loads after the answer came: the
    // report reaches no listener, and the popup must still learn that the PDF is read.
    await env.session.context.addInitScript(HOLD_READING_REPLY);
    const url = await pdfs.urlOf('long');
    const viewer = await env.session.context.newPage();
    // The popup asks as soon as the viewer's page exists, long before it has read the PDF's 100-odd pages.
    await viewer.goto(`chrome-extension://${env.session.extensionId}/pdf.html?file=${encodeURIComponent(url)}`, { waitUntil: 'commit' });
    const popup = await env.session.openPopupFor(viewer, 'hold-reading-reply');
    await expect
      .poll(() => popup.evaluate(() => document.querySelector('.article-header h1')?.textContent ?? ''), { timeout: 60_000 })
      .toMatch(/\S/);
    // The race happened: the popup's first answer said "still reading" and was held past the "done" report.
    expect(await popup.evaluate(() => (window as { heldReadingReply?: boolean }).heldReadingReply)).toBe(true);
    await popup.close();
    await viewer.close();
  });

  it('opens a link to a PDF in the viewer from “Open PDF in Gloss”, in a new tab beside the page', async () => {
    const url = await pdfs.urlOf('sample');
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=pdf-link'));
    const tabId = await env.session.tabIdOf(page);
    // Playwright cannot open the browser's context menu; the menu's click is dispatched as Chrome delivers it.
    const opened = env.session.context.waitForEvent('page');
    await env.session.serviceWorker.evaluate(
      async ([tabId, linkUrl]) =>
        chrome.contextMenus.onClicked.dispatch(
          { menuItemId: 'gloss-open-pdf-link', linkUrl, pageUrl: '', editable: false },
          await chrome.tabs.get(tabId),
        ),
      [tabId, url] as const,
    );
    const viewer = await opened;
    await viewer.waitForURL(/\/pdf\.html\?file=/);
    expect(decodeURIComponent(new URL(viewer.url()).searchParams.get('file')!)).toBe(url);
    await viewer.locator('.pdf-page[data-page-number="1"][data-rendered] .textLayer span:not(.markedContent)').first().waitFor();
    await viewer.close();
    await page.close();
  });
});
