import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { PAINTED_SCRIPT, selectTextScript } from './support/page-selection';

const WAIT = { timeout: 10_000 };
const env = useChromium();

/** What the keyboard shortcut and the context menu send once the browser has delivered them to the background. */
async function highlightSelectionCommand(page: Page): Promise<unknown> {
  const tabId = await env.session.tabIdOf(page);
  return env.session.serviceWorker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { gloss: 'tab-command', type: 'highlight-selection' }, { frameId: 0 }),
    tabId,
  );
}

describe('Chromium: pause Gloss on a site', () => {
  it('pauses from the popup (highlights go, and stay gone after a reload), and resumes from the settings page', async () => {
    const url = env.server.url('storm-1152.html?case=pause');
    const site = new URL(url).host;
    const page = await env.session.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(300); // the content script starts at document_idle
    const quote = (await page.evaluate(selectTextScript('Astonishingly, the group', '750 million'))) as string;
    await highlightSelectionCommand(page);
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    // Pause from the popup: it says so at once, and the page loses its painted highlights.
    const popup = await env.session.openPopupFor(page);
    await popup.getByRole('button', { name: 'Pause Gloss on this site', exact: true }).click();
    await popup.getByRole('heading', { name: `Gloss is paused on ${site}` }).waitFor(WAIT);
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({});
    // Commands are ignored on a paused site: the shortcut highlights nothing.
    await page.evaluate(selectTextScript('phishing attacks', 'identity theft'));
    expect(await highlightSelectionCommand(page)).toEqual({ ok: false });

    // After a reload nothing is painted, and the popup does not read the page.
    await page.reload();
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(PAINTED_SCRIPT)).toEqual({});
    await popup.reload();
    await popup.getByRole('heading', { name: `Gloss is paused on ${site}` }).waitFor(WAIT);
    expect(await popup.getByRole('button', { name: 'Resume Gloss on this site', exact: true }).count()).toBe(1);
    // The notice is the popup's only heading: no article is shown.
    expect(await popup.getByRole('heading', { level: 1 }).allTextContents()).toEqual([`Gloss is paused on ${site}`]);
    await popup.close();

    // The settings page lists the site; resuming there paints the open tab's highlights again.
    const settings = await env.session.context.newPage();
    await settings.goto(`chrome-extension://${env.session.extensionId}/settings.html`);
    const paused = settings.getByRole('region', { name: 'Paused sites' });
    await paused.getByRole('button', { name: `Resume Gloss on ${site}`, exact: true }).click();
    await paused.getByText('Gloss is not paused on any site.').waitFor(WAIT);
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    await settings.close();
    await page.close();
  });
});
