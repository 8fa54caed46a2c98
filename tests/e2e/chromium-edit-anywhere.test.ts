import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { highlightText } from './support/chromium-gloss-ui';
import { PAINTED_SCRIPT } from './support/page-selection';

const WAIT = { timeout: 10_000 };
const env = useChromium();

async function articleWithHighlight(query: string): Promise<{ page: Page; quote: string }> {
  const page = await env.session.context.newPage();
  await page.goto(env.server.url(`storm-1152.html?case=${query}`));
  await page.getByText('Astonishingly').waitFor();
  const quote = await highlightText(page, 'Astonishingly, the group', '750 million');
  await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
  return { page, quote };
}

// Issue 14, part 2: a highlight is recoloured, its note and tags edited, and deleted with undo, in the
// popup and in the library too; the page showing it repaints at once.
describe('Chromium: editing a highlight away from the page', () => {
  it('in the popup, with the keyboard: recolour, note and tags, then delete and undo', async () => {
    const { page, quote } = await articleWithHighlight('edit-popup');
    const popup = await env.session.openPopupFor(page);
    const item = popup
      .getByRole('region', { name: /Highlights/ })
      .getByRole('listitem')
      .filter({ hasText: 'Astonishingly' });
    await item.getByRole('button', { name: 'Edit' }).focus();
    await popup.keyboard.press('Enter');
    // The note has focus; Shift+Tab reaches the colours, arrows choose one.
    await popup.keyboard.type('Checked against the court filing.');
    const form = item.getByRole('form', { name: 'Edit highlight' });
    await form.getByRole('radio', { name: 'Yellow' }).focus();
    await popup.keyboard.press('ArrowRight');
    expect(await form.getByRole('radio', { name: 'Green' }).isChecked()).toBe(true);
    await form.getByRole('textbox', { name: 'Tags' }).focus();
    await popup.keyboard.type('fraud');
    await popup.keyboard.press('Control+Enter');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-green': [quote] });
    await expect.poll(() => item.textContent(), WAIT).toContain('Checked against the court filing.');
    expect(await item.textContent()).toContain('#fraud');
    // Focus is back on Edit, not lost to the page's body.
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Edit');

    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({});
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent), WAIT).toBe('Undo');
    await popup.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-green': [quote] });
    await popup.close();
    await page.close();
  });

  it('in the library: edit and delete with undo; the open tab of the page repaints', async () => {
    const { page, quote } = await articleWithHighlight('edit-library');
    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    // Addresses are searched too: only this test's page (the popup's test kept a highlight of the same text).
    await library.getByRole('searchbox', { name: 'Search' }).fill('staggering edit-library');
    const item = library.locator('.result-highlight').filter({ hasText: 'staggering' });
    await expect.poll(() => item.count(), WAIT).toBe(1);
    await item.getByRole('button', { name: 'Edit' }).click();
    const form = item.getByRole('form', { name: 'Edit highlight' });
    await form.getByRole('radio', { name: 'Purple' }).check();
    await form.getByRole('textbox', { name: 'Note' }).fill('Edited in the library.');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-purple': [quote] });
    await expect.poll(() => item.textContent(), WAIT).toContain('Edited in the library.');

    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({});
    await library.getByRole('status').filter({ hasText: 'Highlight deleted.' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-purple': [quote] });
    await library.close();
    await page.close();
  });
});
