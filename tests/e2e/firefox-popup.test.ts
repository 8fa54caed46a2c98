import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { RESTRICTED_TEST_HOST } from '../../harness/firefox';
import { headingTopScript, SAMPLE_HEADINGS, SAMPLE_TITLE } from './support/sample';

const WAIT = { timeout: 10_000 };

const env = useFirefox();

const text = (page: Page, selector: string) =>
  page.evaluate((s) => Array.from(document.querySelectorAll(s), (e) => e.textContent?.trim() ?? ''), selector);

describe('Firefox: the popup on the sample article', () => {
  it('shows the title and the eight outline links, and a click scrolls the page to the heading', async () => {
    const { page, popup } = await env.session.openWithPopup(env.server.url('storm-1152.html'));
    await expect.poll(() => text(popup, 'h1'), WAIT).toEqual([SAMPLE_TITLE]);
    expect(await text(popup, 'nav[aria-label="Outline"] a')).toEqual(SAMPLE_HEADINGS);

    const target = SAMPLE_HEADINGS[4];
    expect(await page.evaluate(headingTopScript(target))).toBeGreaterThan(900);
    const links = await popup.$$('nav[aria-label="Outline"] a');
    await links[4].click();
    // At the top of the viewport, give or take the sub-pixel rounding of a smooth scroll.
    await expect.poll(async () => Math.abs((await page.evaluate(headingTopScript(target))) as number), WAIT).toBeLessThan(1);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: pages that are not articles', () => {
  it('says a search page does not look like an article and lists its headings', async () => {
    const { page, popup } = await env.session.openWithPopup(env.server.url('search-results.html'));
    await expect.poll(() => text(popup, '[role="status"] h2'), WAIT).toContain('This page doesn’t look like an article');
    expect(await text(popup, 'nav[aria-label="Outline"] a')).toContain('Related searches');
    await popup.close();
    await page.close();
  });

  it('explains that a page where extensions may not run cannot be read', async () => {
    // BiDi refuses to open about: pages, so the profile treats "localhost" like the add-on store.
    const restricted = env.server.url('storm-1152.html').replace('127.0.0.1', RESTRICTED_TEST_HOST);
    const { page, popup } = await env.session.openWithPopup(restricted);
    await expect.poll(() => text(popup, '[role="alert"] h1'), WAIT).toEqual(['Gloss can’t read this page']);
    expect(await text(popup, 'nav[aria-label="Outline"]')).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('explains that the browser’s PDF viewer cannot be read, and offers Gloss’s own', async () => {
    const { page, popup } = await env.session.openWithPopup(env.server.url('document.pdf'));
    await expect.poll(() => text(popup, '[role="status"] h1'), WAIT).toEqual(['This tab shows a PDF']);
    expect(await text(popup, 'button')).toContain('Open in Gloss');
    await popup.close();
    await page.close();
  });
});
