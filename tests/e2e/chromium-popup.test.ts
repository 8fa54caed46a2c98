import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { headingTopScript, SAMPLE_HEADINGS, SAMPLE_TITLE } from './support/sample';

/** A smooth scroll over a long page takes about a second. */
const SCROLL_WAIT = { timeout: 5_000 };

const env = useChromium();

describe('Chromium: the popup on the sample article', () => {
  it('shows the title and the eight outline links, and a click scrolls the page to the heading', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html'));
    const popup = await env.session.openPopupFor(page);

    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe(SAMPLE_TITLE);
    const outline = popup.getByRole('navigation', { name: 'Outline' });
    const links = outline.getByRole('link');
    expect(await links.allTextContents()).toEqual(SAMPLE_HEADINGS);
    await expect.poll(() => popup.getByText('Newsroom Staff').count()).toBe(1);

    const target = SAMPLE_HEADINGS[4];
    expect(await page.evaluate(headingTopScript(target))).toBeGreaterThan(900);
    await outline.getByRole('link', { name: target }).click();
    // The heading ends up at the top of the viewport (scrollIntoView with block "start"), give or take
    // the sub-pixel rounding of a smooth scroll.
    await expect.poll(async () => Math.abs((await page.evaluate(headingTopScript(target))) as number), SCROLL_WAIT).toBeLessThan(1);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await popup.close();
    await page.close();
  });

  it('lets the keyboard reach and activate an outline link', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html'));
    const popup = await env.session.openPopupFor(page);
    const last = popup.getByRole('navigation', { name: 'Outline' }).getByRole('link').last();
    await last.focus();
    await popup.keyboard.press('Enter');
    const target = SAMPLE_HEADINGS[7];
    await expect.poll(async () => (await page.evaluate(headingTopScript(target))) as number, SCROLL_WAIT).toBeLessThan(900);
    await popup.close();
    await page.close();
  });
});

describe('Chromium: pages that are not articles', () => {
  it('says a search page does not look like an article and lists its headings', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('search-results.html'));
    const popup = await env.session.openPopupFor(page);
    await expect.poll(() => popup.getByRole('heading', { name: 'This page doesn’t look like an article' }).count()).toBe(1);
    const links = popup.getByRole('navigation', { name: 'Outline' }).getByRole('link');
    expect(await links.allTextContents()).toContain('Related searches');
    await popup.close();
    await page.close();
  });

  it('explains that a browser page cannot be read', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html'));
    const tabId = await env.session.tabIdOf(page);
    await page.goto('chrome://version');
    const popup = await env.session.context.newPage();
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tab=${tabId}`);
    const alert = popup.getByRole('alert');
    await expect.poll(() => alert.count(), SCROLL_WAIT).toBe(1);
    expect(await alert.getByRole('heading').textContent()).toBe('Gloss can’t read this page');
    expect(await alert.textContent()).toContain('browser’s own pages');
    expect(await popup.getByRole('navigation', { name: 'Outline' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('explains that the browser’s PDF viewer cannot be read, and offers Gloss’s own', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('document.pdf'));
    const popup = await env.session.openPopupFor(page);
    await expect.poll(() => popup.getByRole('status').getByRole('heading').textContent(), SCROLL_WAIT).toBe('This tab shows a PDF');
    expect(await popup.getByRole('status').textContent()).toContain('can’t be read by extensions');
    expect(await popup.getByRole('button', { name: 'Open in Gloss' }).count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('explains that a closed tab is gone', async () => {
    const popup = await env.session.context.newPage();
    await popup.goto(`chrome-extension://${env.session.extensionId}/popup.html?tab=987654`);
    await expect.poll(() => popup.getByRole('heading', { name: 'That tab is gone' }).count()).toBe(1);
    await popup.close();
  });
});
