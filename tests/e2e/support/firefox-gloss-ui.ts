import type { Page } from 'puppeteer-core';
import { PAINTED_SCRIPT, selectTextScript, textCenterScript } from './page-selection';

/** Clicks, with the real mouse, the control in Gloss's shadow-root UI whose accessible name or text matches. */
export async function clickGlossControl(page: Page, name: string): Promise<void> {
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

export async function fillGlossField(page: Page, label: string, value: string): Promise<void> {
  // Focus the field, then type with the real keyboard, as a person would.
  await page.evaluate((name) => {
    const field = document.querySelector('gloss-ui')?.shadowRoot?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[aria-label="${name}"]`);
    if (!field) throw new Error(`no field ${name}`);
    field.focus();
  }, label);
  await page.keyboard.type(value);
}

/**
 * Highlights the text from `start` to `end` with the floating toolbar, then opens the editor by clicking
 * on `inside` and gives the highlight a note and tags; returns the quote.
 */
export async function highlightWithNote(page: Page, selection: { start: string; end: string; inside: string }, note: string, tags: string): Promise<string> {
  const quote = (await page.evaluate(selectTextScript(selection.start, selection.end))) as string;
  await clickGlossControl(page, 'Highlight');
  for (let tries = 0; Object.keys((await page.evaluate(PAINTED_SCRIPT)) as object).length === 0; tries++) {
    if (tries === 50) throw new Error('the highlight was not painted');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const point = (await page.evaluate(textCenterScript(selection.inside))) as { x: number; y: number };
  await page.mouse.click(point.x, point.y);
  await fillGlossField(page, 'Note', note);
  await fillGlossField(page, 'Tags', tags);
  await clickGlossControl(page, 'Done');
  return quote;
}

/** The sample article's headline number, a selection the Firefox tests highlight. */
export const HEADLINE_NUMBER = { start: 'Astonishingly, the group', end: '750 million', inside: 'staggering' };
