import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { clickGlossControl, selectForToolbar } from './support/firefox-gloss-ui';
import { PAINTED_SCRIPT } from './support/page-selection';
import { headingTopScript, SAMPLE_HEADINGS, SAMPLE_TITLE } from './support/sample';

const WAIT = { timeout: 10_000 };
const LATE_RENDER_TITLE = 'Late-rendering article';

const env = useFirefox();

const title = (panel: Page) => panel.evaluate(() => document.querySelector('h1')?.textContent ?? null);
const quotes = (panel: Page) =>
  panel.evaluate(() => [...document.querySelectorAll('section[aria-labelledby="highlights-title"] li q')].map((q) => q.textContent));
/** Clicks, with the real mouse, the button named `name` in the highlight item holding `text`. */
async function clickInItem(panel: Page, text: string, name: string): Promise<void> {
  const handle = await panel.evaluateHandle(
    (quote, label) => {
      const item = [...document.querySelectorAll('.highlight-list > li')].find((li) => li.textContent?.includes(quote));
      return [...(item?.querySelectorAll('button') ?? [])].find((button) => button.textContent === label) ?? null;
    },
    text,
    name,
  );
  const button = handle.asElement();
  if (!button) throw new Error(`no ${name} button for “${text}”`);
  await (button as import('puppeteer-core').ElementHandle<Element>).click();
}

describe('Firefox: the side panel', () => {
  it('follows tab switches, lists a new highlight live, and a deletion in the panel repaints the page', async () => {
    const other = await env.session.browser.newPage();
    await other.goto(env.server.url('late-render.html?case=firefox-panel'));
    const { page, panel } = await env.session.openWithSidePanel(env.server.url('storm-1152.html?case=firefox-panel'));
    await page.bringToFront();
    await expect.poll(() => title(panel), WAIT).toBe(SAMPLE_TITLE);
    await other.bringToFront();
    await expect.poll(() => title(panel), WAIT).toBe(LATE_RENDER_TITLE);
    await page.bringToFront();
    await expect.poll(() => title(panel), WAIT).toBe(SAMPLE_TITLE);

    const quote = await selectForToolbar(page, 'Astonishingly, the group', '750 million');
    await clickGlossControl(page, 'Highlight');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await expect.poll(() => quotes(panel), WAIT).toEqual([quote]);

    // Reading: the section whose heading has passed a quarter of the way down is marked.
    const target = SAMPLE_HEADINGS[5];
    await page.evaluate(`window.scrollTo(0, window.scrollY + ${headingTopScript(target)} - 100)`);
    const current = () => panel.evaluate(() => [...document.querySelectorAll('nav a[aria-current="location"]')].map((a) => a.textContent));
    await expect.poll(current, WAIT).toEqual([target]);

    await clickInItem(panel, 'Astonishingly', 'Delete');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({});
    await expect.poll(() => quotes(panel), WAIT).toEqual([]);
    // Undo sits in the region's status line ("Highlight deleted. Undo").
    await (await panel.waitForSelector('.undo-bar[role="status"] button', WAIT))!.click();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await panel.close();
    await other.close();
    await page.close();
  });
});
