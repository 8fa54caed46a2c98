import type { Frame, Page } from 'playwright-core';
import { selectTextScript } from './page-selection';

/** Gloss's in-page UI frame (toolbar, editor, undo notice) in `page`; waits for it to exist. */
export async function glossFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().includes('/ui-frame.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('Gloss’s UI frame did not appear');
    await page.waitForTimeout(50);
  }
}

/**
 * Selects the text from `start` to `end` and releases Shift with the real keyboard, as someone
 * extending a selection does; Gloss then offers its toolbar. Returns the selected text.
 */
export async function selectForToolbar(page: Page, start: string, end: string): Promise<string> {
  const quote = (await page.evaluate(selectTextScript(start, end))) as string;
  await page.keyboard.press('Shift');
  return quote;
}

/** Selects the text and clicks the toolbar's button (Highlight or Add note) with the real mouse. */
export async function highlightText(page: Page, start: string, end: string, button: 'Highlight' | 'Add note' = 'Highlight'): Promise<string> {
  const quote = await selectForToolbar(page, start, end);
  await (await glossFrame(page)).getByRole('button', { name: button, exact: true }).click();
  return quote;
}

/** The editor dialog, inside Gloss's frame. */
export async function glossEditor(page: Page) {
  return (await glossFrame(page)).getByRole('dialog', { name: 'Edit highlight' });
}
