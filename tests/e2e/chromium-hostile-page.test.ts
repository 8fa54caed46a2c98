import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { glossEditor, glossFrame, highlightText } from './support/chromium-gloss-ui';
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
const QUOTE = ['Astonishingly', '750 million'] as const;
const env = useChromium();

async function openHostile(query: string, initScript: string): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.addInitScript(initScript);
  await page.goto(env.server.url(`no-divs.html?case=${query}`));
  await page.waitForTimeout(300); // the content script starts at document_idle
  return page;
}

async function clickText(page: Page, text: string): Promise<void> {
  const point = (await page.evaluate(textCenterScript(text))) as { x: number; y: number };
  await page.mouse.click(point.x, point.y);
}

/** How many things Gloss's frame shows (toolbar, editor, notice): none when it has no frame. */
async function framePanels(page: Page): Promise<number> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/ui-frame.html'));
  return frame ? frame.evaluate(() => document.body.children.length) : 0;
}

describe('Chromium: a hostile page learns nothing of what a person keeps, and cannot act for them', () => {
  it('never sees the note, the tags or the keystrokes, while typing, after a reload, or when the editor opens again', async () => {
    const page = await openHostile('spy', SPY_SCRIPT);
    // Control: what is typed into the page's own field, the page does see.
    await page.locator('#page-comment').click();
    await page.keyboard.type(CONTROL_TEXT);

    const quote = await highlightText(page, ...QUOTE);
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await clickText(page, 'staggering');
    const editor = await glossEditor(page);
    await editor.getByRole('textbox', { name: 'Note' }).click();
    await page.keyboard.type(SECRET_NOTE);
    await editor.getByRole('textbox', { name: 'Tags' }).click();
    await page.keyboard.type(SECRET_TAGS);
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    await page.waitForTimeout(300); // a sweep of the spy after the editor closed
    const first = await spyLog(page);

    await page.reload();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await clickText(page, 'staggering');
    const reopened = await glossEditor(page);
    await expect.poll(() => reopened.getByRole('textbox', { name: 'Note' }).inputValue(), WAIT).toBe(SECRET_NOTE);
    expect(await reopened.getByRole('textbox', { name: 'Tags' }).inputValue()).toBe('quokka-tag-99, wombat-tag');
    await page.keyboard.press('Escape');
    await expect.poll(() => reopened.count()).toBe(0);
    await page.waitForTimeout(300);
    expectNothingLeaked([first, await spyLog(page)]);
    await page.close();
  });

  it('does nothing for fake events and scripted clicks: nothing is created, opened or deleted', async () => {
    const page = await openHostile('fake-events', '');
    const quote = await highlightText(page, ...QUOTE);
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await expect.poll(() => framePanels(page)).toBe(0);

    await page.evaluate(fakeGesturesScript('Microsoft utilized', 'insights', 'staggering'));
    expect(await framePanels(page)).toBe(0); // no toolbar, no editor
    expect(await page.evaluate(PAINTED_SCRIPT)).toEqual({ 'gloss-yellow': [quote] });
    const popup = await env.session.openPopupFor(page);
    const items = popup.getByRole('region', { name: /Highlights/ }).getByRole('listitem');
    await expect.poll(() => items.count(), WAIT).toBe(1);
    await popup.close();

    // The same click from the person opens the editor: the fake one aimed at the right place.
    await page.bringToFront();
    await clickText(page, 'staggering');
    await expect.poll(async () => (await glossEditor(page)).count(), WAIT).toBe(1);
    await page.close();
  });

  it('still offers a working toolbar on a page that pre-registers gloss-ui and hides every frame and div', async () => {
    const page = await openHostile('pre-empt', PRE_EMPT_SCRIPT);
    expect(await page.evaluate(() => customElements.get('gloss-ui') !== undefined)).toBe(true);
    const quote = await highlightText(page, ...QUOTE);
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await clickText(page, 'staggering');
    await expect.poll(async () => (await glossEditor(page)).isVisible(), WAIT).toBe(true);
    const frameElement = await (await glossFrame(page)).frameElement();
    await expect.poll(async () => (await frameElement.boundingBox())?.height ?? 0, WAIT).toBeGreaterThan(200);
    expect((await frameElement.boundingBox())?.width).toBeGreaterThan(300);
    await page.close();
  });
});
