import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { describeGlossUi, glossEditor, glossFrame, glossReady, selectForToolbar } from './support/chromium-gloss-ui';
import { PAINTED_SCRIPT, selectTextScript, textCenterScript } from './support/page-selection';

const WAIT = { timeout: 10_000 };
const env = useChromium();

const painted = (page: Page) => page.evaluate(PAINTED_SCRIPT) as Promise<Record<string, string[]>>;

async function openSettings(): Promise<Page> {
  const settings = await env.session.context.newPage();
  await settings.goto(`chrome-extension://${env.session.extensionId}/settings.html`);
  await settings.getByRole('heading', { name: 'Gloss settings', level: 1 }).waitFor(WAIT);
  return settings;
}

async function openArticle(search: string): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(env.server.url(`storm-1152.html?case=${search}`));
  await glossReady(env.session, page);
  return page;
}

const sorted = (quotes: string[] | undefined) => [...(quotes ?? [])].sort();

/**
 * Presses the highlight shortcut as far as the extension can tell: the browser delivers the command to
 * the background's own listener, which reads the settings and tells the tab (the same path as the keys;
 * headless Chrome does not route key presses to extension shortcuts).
 */
async function pressShortcut(page: Page): Promise<void> {
  const tabId = await env.session.tabIdOf(page);
  await env.session.serviceWorker.evaluate(async (id) => {
    chrome.commands.onCommand.dispatch('highlight-selection', await chrome.tabs.get(id));
  }, tabId);
}

/** Records, inside Gloss's frame, whether a toolbar is ever drawn from now on. */
async function watchForToolbar(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const seen = globalThis as { glossSawToolbar?: boolean };
    seen.glossSawToolbar = false;
    new MutationObserver(() => {
      if (document.querySelector('[role="toolbar"]')) seen.glossSawToolbar = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
}
const sawToolbar = (frame: Frame) => frame.evaluate(() => (globalThis as { glossSawToolbar?: boolean }).glossSawToolbar);

describe('Chromium: the settings page', () => {
  it('is the options page, with its sections as named regions and the shortcut the browser has', async () => {
    const manifest = await env.session.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.options_ui?.page).toBe('settings.html');
    const settings = await openSettings();
    for (const name of ['Highlighting', 'Paused sites', 'Your data']) await settings.getByRole('region', { name }).waitFor(WAIT);
    expect(await settings.getByRole('region', { name: 'Sync' }).count()).toBe(0);
    const highlighting = settings.getByRole('region', { name: 'Highlighting' });
    const colours = highlighting.getByRole('radiogroup', { name: 'Default colour' });
    for (const name of ['Yellow', 'Green', 'Blue', 'Pink', 'Purple']) await colours.getByRole('radio', { name, exact: true }).waitFor(WAIT);
    expect(await colours.getByRole('radio', { name: 'Yellow' }).isChecked()).toBe(true);
    expect(await highlighting.getByRole('checkbox', { name: 'Show the toolbar when I select text' }).isChecked()).toBe(true);
    await highlighting.getByLabel('Shortcut: Alt+Shift+H').waitFor(WAIT);
    await highlighting.getByRole('button', { name: 'Change the shortcut' }).waitFor(WAIT);
    await settings.getByRole('region', { name: 'Paused sites' }).getByText('Gloss is not paused on any site.').waitFor(WAIT);

    // The library's menu leads here.
    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    const [opened] = await Promise.all([env.session.context.waitForEvent('page'), library.getByRole('link', { name: 'Settings' }).click()]);
    await opened.getByRole('heading', { name: 'Gloss settings' }).waitFor(WAIT);
    await Promise.all([opened.close(), library.close(), settings.close()]);
  });

  it('applies the default colour to the shortcut and the toolbar, and turns the toolbar off in open tabs', async () => {
    const settings = await openSettings();
    const page = await openArticle('settings-colour');
    const highlighting = settings.getByRole('region', { name: 'Highlighting' });

    // Choose blue with the keyboard: from yellow, the arrow keys move through the radio group.
    await highlighting.getByRole('radio', { name: 'Yellow' }).focus();
    await settings.keyboard.press('ArrowRight');
    await settings.keyboard.press('ArrowRight');
    await highlighting.getByRole('status').getByText('are blue').waitFor(WAIT);
    expect(await highlighting.getByRole('radio', { name: 'Blue' }).isChecked()).toBe(true);

    // The shortcut's highlight is blue.
    await page.bringToFront();
    const first = (await page.evaluate(selectTextScript('Astonishingly, the group', '750 million'))) as string;
    await pressShortcut(page);
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-blue': [first] });

    // The toolbar offers blue first.
    await selectForToolbar(page, 'phishing attacks', 'identity theft');
    const frame = await glossFrame(page);
    const toolbar = frame.getByRole('toolbar', { name: 'Gloss' });
    await toolbar.waitFor(WAIT).catch(async (error) => {
      throw new Error(`${error}: ${await describeGlossUi(page)}`);
    });
    expect(await toolbar.getByRole('button', { name: 'Blue' }).getAttribute('aria-pressed')).toBe('true');

    // Toolbar off: the open tab drops the toolbar it shows, without a reload.
    await highlighting.getByRole('checkbox', { name: 'Show the toolbar when I select text' }).uncheck();
    await highlighting.getByRole('status').getByText('The toolbar is off').waitFor(WAIT);
    await toolbar.waitFor({ state: 'detached', ...WAIT });

    // A new selection offers no toolbar. Opening the editor on the blue highlight goes through the same
    // channel after it, so once the editor shows, a toolbar would have been drawn first.
    await watchForToolbar(frame);
    await selectForToolbar(page, 'fraudulent Microsoft accounts', 'fraudulent Microsoft accounts');
    const point = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    await (await glossEditor(page)).waitFor(WAIT);
    expect(await sawToolbar(frame)).toBe(false);
    await page.keyboard.press('Escape');
    await (await glossEditor(page)).waitFor({ state: 'detached', ...WAIT });

    // The shortcut still highlights, in the default colour.
    const second = (await page.evaluate(selectTextScript('phishing attacks', 'identity theft'))) as string;
    await pressShortcut(page);
    await expect.poll(async () => sorted((await painted(page))['gloss-blue']), WAIT).toEqual(sorted([first, second]));
    expect(Object.keys(await painted(page))).toEqual(['gloss-blue']);
    expect(await sawToolbar(frame)).toBe(false);

    // After a reload the page still has no toolbar: the loader hears the setting at start.
    await page.reload();
    await expect.poll(async () => sorted((await painted(page))['gloss-blue']), WAIT).toEqual(sorted([first, second]));
    await watchForToolbar(await glossFrame(page));
    await selectForToolbar(page, 'Arkose Labs', 'Arkose Labs');
    const again = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.mouse.click(again.x, again.y);
    await (await glossEditor(page)).waitFor(WAIT);
    expect(await sawToolbar(await glossFrame(page))).toBe(false);
    await page.keyboard.press('Escape');

    // Back on for the next test.
    await highlighting.getByRole('checkbox', { name: 'Show the toolbar when I select text' }).check();
    await highlighting.getByRole('status').getByText('The toolbar appears').waitFor(WAIT);
    await Promise.all([page.close(), settings.close()]);
  });

  it('erases everything only after the person types ERASE; open tabs and the library empty', async () => {
    const settings = await openSettings();
    const data = settings.getByRole('region', { name: 'Your data' });
    const count = (name: string) =>
      data
        .getByRole('term')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .locator('xpath=following-sibling::dd')
        .textContent();
    const number = async (name: string) => Number((await count(name))?.replace(/,/g, ''));
    // What the earlier tests left, as the page first shows it.
    await expect.poll(async () => Number.isFinite(await number('Highlights')), WAIT).toBe(true);
    const before = await number('Highlights');

    const page = await openArticle('settings-erase');
    await page.evaluate(selectTextScript('comprehensive strategy', 'disrupt the wider'));
    await pressShortcut(page);
    await expect.poll(async () => Object.values(await painted(page)).flat().length, WAIT).toBe(1);

    // The page follows changes made elsewhere: the highlight made just now is counted.
    await expect.poll(() => number('Highlights'), WAIT).toBe(before + 1);
    const [pages, highlights] = [await number('Pages'), await number('Highlights')];
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(await count('Space used')).toMatch(/^\d[\d.,]* (bytes|KB|MB|GB)$/);

    // Open the confirmation, and cancel it with Escape: nothing goes, focus comes back.
    await settings.bringToFront();
    const opener = data.getByRole('button', { name: 'Erase everything…' });
    await opener.click();
    const dialog = settings.getByRole('dialog', { name: 'Erase everything?' });
    await dialog.waitFor(WAIT);
    const word = dialog.getByRole('textbox', { name: 'Type ERASE to confirm' });
    await expect.poll(() => word.evaluate((element) => element === document.activeElement), WAIT).toBe(true);
    const erase = dialog.getByRole('button', { name: 'Erase everything', exact: true });
    expect(await erase.isDisabled()).toBe(true);
    const said = await dialog.textContent();
    expect(said).toContain(`This deletes ${pages} page${pages === 1 ? '' : 's'}`);
    expect(said).toContain(` ${highlights} highlight${highlights === 1 ? '' : 's'} from this browser`);
    await settings.keyboard.press('Enter'); // nothing typed: Enter erases nothing
    await settings.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await expect.poll(() => opener.evaluate((element) => element === document.activeElement), WAIT).toBe(true);
    expect(await number('Highlights')).toBe(highlights);
    expect(Object.values(await painted(page)).flat()).toHaveLength(1);

    // Again, from the keyboard alone: Enter on the button, type the word, Enter.
    await settings.keyboard.press('Enter');
    await dialog.waitFor(WAIT);
    await settings.keyboard.type('erase');
    expect(await erase.isDisabled()).toBe(false);
    await settings.keyboard.press('Enter');
    await data.getByRole('status').getByText(`Erased ${pages} page`).waitFor(WAIT);
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await expect.poll(() => number('Highlights'), WAIT).toBe(0);
    expect(await number('Pages')).toBe(0);

    // The open tab loses its highlights at once; the library is empty; settings are back to their defaults.
    await expect.poll(() => painted(page), WAIT).toEqual({});
    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    await library.getByText('Nothing saved yet').waitFor(WAIT);
    expect(await settings.getByRole('radio', { name: 'Yellow' }).isChecked()).toBe(true);
    await page.reload();
    await glossReady(env.session, page);
    expect(await painted(page)).toEqual({});
    await Promise.all([library.close(), page.close(), settings.close()]);
  });
});
