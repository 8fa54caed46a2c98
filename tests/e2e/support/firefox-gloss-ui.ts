import type { Page } from 'puppeteer-core';

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
