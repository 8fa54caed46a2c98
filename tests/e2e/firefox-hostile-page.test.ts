import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { clickGlossControl, fillGlossField, glossFrame, selectForToolbar } from './support/firefox-gloss-ui';
import {
  CONTROL_TEXT,
  expectNothingLeaked,
  fakeGesturesScript,
  PRE_EMPT_SCRIPT,
  SECRET_NOTE,
  SECRET_TAGS,
  SPY_KEYS_SCRIPT,
  SPY_LOG_SCRIPT,
  SPY_SCRIPT,
} from './support/hostile-page';
import { PAINTED_SCRIPT, textCenterScript } from './support/page-selection';

const WAIT = { timeout: 10_000 };
const spyLog = async (page: Page) => ({
  log: (await page.evaluate(SPY_LOG_SCRIPT)) as string,
  keys: (await page.evaluate(SPY_KEYS_SCRIPT)) as string[],
});
const env = useFirefox();

const painted = (page: Page) => page.evaluate(PAINTED_SCRIPT) as Promise<Record<string, string[]>>;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openHostile(query: string, initScript: string | null): Promise<Page> {
  const page = await env.session.browser.newPage();
  if (initScript) await page.evaluateOnNewDocument(initScript);
  await page.goto(env.server.url(`no-divs.html?case=${query}`));
  await pause(500); // the content script starts at document_idle
  return page;
}

async function clickText(page: Page, text: string): Promise<void> {
  const point = (await page.evaluate(textCenterScript(text))) as { x: number; y: number };
  await page.mouse.click(point.x, point.y);
}

/** What Gloss's frame shows: the accessible names of its panels (none when there is no frame). */
async function framePanels(page: Page): Promise<string[]> {
  const frame = await glossFrame(page, 500).catch(() => null);
  return frame
    ? frame.evaluate(() => [...document.body.children].map((panel) => panel.getAttribute('aria-label') ?? panel.getAttribute('role') ?? ''))
    : [];
}

async function highlightQuote(page: Page): Promise<string> {
  const quote = await selectForToolbar(page, 'Astonishingly', '750 million');
  await clickGlossControl(page, 'Highlight');
  await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });
  return quote;
}

describe('Firefox: a hostile page learns nothing of what a person keeps, and cannot act for them', () => {
  it('never sees the note, the tags or the keystrokes, while typing, after a reload, or when the editor opens again', async () => {
    const page = await openHostile('spy', SPY_SCRIPT);
    await page.click('#page-comment');
    await page.keyboard.type(CONTROL_TEXT);
    const quote = await highlightQuote(page);
    await clickText(page, 'staggering');
    await fillGlossField(page, 'Note', SECRET_NOTE);
    await fillGlossField(page, 'Tags', SECRET_TAGS);
    await clickGlossControl(page, 'Done');
    await expect.poll(() => framePanels(page), WAIT).toEqual([]);
    await pause(300);
    const first = await spyLog(page);

    await page.reload();
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await clickText(page, 'staggering');
    await expect.poll(() => framePanels(page), WAIT).toEqual(['Edit highlight']);
    const frame = await glossFrame(page);
    expect(await frame.evaluate(() => document.querySelector('textarea')?.value)).toBe(SECRET_NOTE);
    await page.keyboard.press('Escape');
    await expect.poll(() => framePanels(page), WAIT).toEqual([]);
    await pause(300);
    expectNothingLeaked([first, await spyLog(page)]);
    await page.close();
  });

  it('does nothing for fake events and scripted clicks: nothing is created, opened or deleted', async () => {
    const page = await openHostile('fake-events', null);
    const quote = await highlightQuote(page);
    await expect.poll(() => framePanels(page), WAIT).toEqual([]);
    await page.evaluate(fakeGesturesScript('Microsoft utilized', 'insights', 'staggering'));
    expect(await framePanels(page)).toEqual([]);
    expect(await painted(page)).toEqual({ 'gloss-yellow': [quote] });
    await page.reload();
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });
    // The person's own click at the same place opens the editor.
    await clickText(page, 'staggering');
    await expect.poll(() => framePanels(page), WAIT).toEqual(['Edit highlight']);
    await page.close();
  });

  it('still offers a working toolbar on a page that pre-registers gloss-ui and hides every frame and div', async () => {
    const page = await openHostile('pre-empt', PRE_EMPT_SCRIPT);
    expect(await page.evaluate(() => customElements.get('gloss-ui') !== undefined)).toBe(true);
    await highlightQuote(page);
    await clickText(page, 'staggering');
    await expect.poll(() => framePanels(page), WAIT).toEqual(['Edit highlight']);
    // Clicking Done with the real mouse needs the frame to be shown.
    await clickGlossControl(page, 'Done');
    await expect.poll(() => framePanels(page), WAIT).toEqual([]);
    await page.close();
  });
});
