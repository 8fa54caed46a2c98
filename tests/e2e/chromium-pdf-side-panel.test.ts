import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setTabViewport } from '../../harness/chromium';
import { useChromium } from './support/browser-sessions';
import { usePdfServer } from './support/pdf-viewer';
import { useTestPdfs } from '../support/use-test-pdfs';

const env = useChromium();
useTestPdfs(['sample']);
const pdfs = usePdfServer();

const WAIT = { timeout: 20_000 };

interface OutlineEntry {
  text: string;
  pageNumber: number | null;
}

/** Scrolls the viewer as a reader's wheel would, until page `pageNumber` starts at the top of the view. */
async function scrollViewerTo(viewer: Page, pageNumber: number): Promise<void> {
  await viewer.evaluate((wanted) => {
    const scroller = document.querySelector<HTMLElement>('.pdf-scroller')!;
    const page = document.querySelector<HTMLElement>(`.pdf-page[data-page-number="${wanted}"]`)!;
    scroller.scrollTop = page.offsetTop;
  }, pageNumber);
}

describe('Chromium: the side panel on Gloss’s PDF viewer', () => {
  it('marks the outline entry of the section being read as the viewer scrolls', async () => {
    const url = await pdfs.urlOf('sample');
    const viewer = await env.session.context.newPage();
    await viewer.goto(`chrome-extension://${env.session.extensionId}/pdf.html?file=${encodeURIComponent(url)}`);
    await viewer.locator('.pdf-progress').waitFor({ state: 'detached', timeout: 30_000 });

    const tabId = await env.session.tabIdOf(viewer);
    const panel = await env.session.context.newPage();
    await setTabViewport(panel, { width: 400, height: 900 });
    await panel.goto(`chrome-extension://${env.session.extensionId}/sidepanel.html?tab=${tabId}`);
    const outline = panel.getByRole('navigation', { name: 'Outline' });
    await outline.getByRole('link').first().waitFor(WAIT);

    // The entries and their pages, as the background has them from the viewer.
    const entries = await panel.evaluate(async (tabId) => {
      const result = (await chrome.runtime.sendMessage({ type: 'analyze-tab', tabId })) as { analysis: { outline: OutlineEntry[] } };
      return result.analysis.outline.map(({ text, pageNumber }) => ({ text, pageNumber }));
    }, tabId);
    const firstOnPage = (page: number) => entries.find((entry) => entry.pageNumber === page);
    const laterPages = [...new Set(entries.map((entry) => entry.pageNumber).filter((page): page is number => page !== null && page > 1))];
    expect(laterPages.length).toBeGreaterThan(0);
    const later = Math.max(...laterPages);
    const middle = laterPages.find((page) => page < later) ?? null;

    const current = outline.locator('a[aria-current="location"]');
    // At the top of page 1, its first entry is the section being read.
    await expect.poll(() => current.allTextContents(), WAIT).toEqual(firstOnPage(1) ? [firstOnPage(1)!.text] : []);

    await viewer.bringToFront();
    await scrollViewerTo(viewer, later);
    await expect.poll(() => current.allTextContents(), WAIT).toEqual([firstOnPage(later)!.text]);
    if (middle !== null) {
      await scrollViewerTo(viewer, middle);
      await expect.poll(() => current.allTextContents(), WAIT).toEqual([firstOnPage(middle)!.text]);
    }
    // Only one entry is ever marked, and it is the one the viewer's own outline marks.
    expect(await current.count()).toBe(1);
    await panel.close();
    await viewer.close();
  });
});
