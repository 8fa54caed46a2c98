import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { SAMPLE_TITLE } from './support/sample';
import { usePdfServer, VIEWER_STATE_SCRIPT, type ViewerState } from './support/pdf-viewer';
import { samplePdfHighlight, sampleMentions, VIEWER_MARKS_SCRIPT, type ViewerMarks } from './support/pdf-popup';

const env = useChromium();
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
    await popup.close();
    await viewer.close();
  });
});
