import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { PAINTED_SCRIPT, selectTextScript, textCenterScript } from './support/page-selection';

const WAIT = { timeout: 10_000 };

const env = useFirefox();

/** Clicks, with the real mouse, the control in Gloss's shadow-root UI whose accessible name or text matches. */
async function clickGlossControl(page: Page, name: string): Promise<void> {
  // The toolbar's code loads on the first selection, so give it a moment to appear.
  await page.waitForFunction((label) => [...(document.querySelector('gloss-ui')?.shadowRoot?.querySelectorAll('button, [role="radio"]') ?? [])]
    .some((element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === label), { timeout: 5_000 }, name);
  const point = await page.evaluate((label) => {
    const root = document.querySelector('gloss-ui')?.shadowRoot;
    const control = [...(root?.querySelectorAll('button, [role="radio"]') ?? [])]
      .find((element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === label);
    if (!control) return null;
    const rect = control.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, name);
  if (!point) throw new Error(`no Gloss control named ${name}`);
  await page.mouse.click(point.x, point.y);
}

async function fillGlossField(page: Page, label: string, value: string): Promise<void> {
  // Focus the field, then type with the real keyboard, as a person would.
  await page.evaluate((name) => {
    const field = document.querySelector('gloss-ui')?.shadowRoot?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[aria-label="${name}"]`);
    if (!field) throw new Error(`no field ${name}`);
    field.focus();
  }, label);
  await page.keyboard.type(value);
}

const painted = (page: Page) => page.evaluate(PAINTED_SCRIPT) as Promise<Record<string, string[]>>;

describe('Firefox: highlights on the sample article', () => {
  it('highlights a selection, takes a note and a tag, survives a reload, and can be deleted', async () => {
    const { page, popup } = await env.session.openWithPopup(env.server.url('storm-1152.html'));
    await popup.close();
    await page.bringToFront();
    const quote = (await page.evaluate(selectTextScript('Astonishingly, the group', '750 million'))) as string;
    await clickGlossControl(page, 'Highlight');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const point = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    await fillGlossField(page, 'Note', 'The headline number.');
    await fillGlossField(page, 'Tags', 'fraud');
    await clickGlossControl(page, 'Done');

    await page.reload();
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const { page: second, popup: listing } = await env.session.openWithPopup(env.server.url('storm-1152.html'));
    const items = () => listing.evaluate(() => [...document.querySelectorAll('.highlight-list > li')].map((li) => li.textContent ?? ''));
    await expect.poll(items, WAIT).toHaveLength(1);
    expect((await items())[0]).toContain('The headline number.');
    expect((await items())[0]).toContain('#fraud');

    await page.bringToFront();
    const again = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.mouse.click(again.x, again.y);
    await clickGlossControl(page, 'Delete');
    await expect.poll(() => painted(page), WAIT).toEqual({});
    await expect.poll(items, WAIT).toHaveLength(0);
    await listing.close();
    await second.close();
    await page.close();
  });

  it('highlights a selection that spans two paragraphs', async () => {
    const { page, popup } = await env.session.openWithPopup(env.server.url('storm-1152.html'));
    await popup.close();
    await page.bringToFront();
    const quote = (await page.evaluate(selectTextScript('this formidable foe', 'Storm-1152 had operated'))) as string;
    await clickGlossControl(page, 'Highlight');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await page.reload();
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await page.close();
  });
});
