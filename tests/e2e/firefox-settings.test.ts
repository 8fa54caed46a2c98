import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { glossFrame, selectForToolbar } from './support/firefox-gloss-ui';
import { PAINTED_SCRIPT, selectTextScript, textCenterScript } from './support/page-selection';

const WAIT = { timeout: 10_000 };
const env = useFirefox();
const painted = (page: Page) => page.evaluate(PAINTED_SCRIPT) as Promise<Record<string, string[]>>;
const sorted = (quotes: string[] | undefined) => [...(quotes ?? [])].sort();

/** Must match SHORTCUT_FRAGMENT in extension/background/e2e-hooks.ts. */
const SHORTCUT_FRAGMENT = '#gloss-e2e-shortcut';
let presses = 0;

/**
 * Presses the highlight shortcut as far as the extension can tell: Firefox does not route keys sent over
 * BiDi to extension shortcuts, so the e2e build's background does what the command does when the page's
 * fragment changes (which keeps the selection).
 */
async function pressShortcut(page: Page): Promise<void> {
  await page.evaluate((fragment) => {
    location.hash = fragment;
  }, `${SHORTCUT_FRAGMENT}-${++presses}`);
}

/** The text of the element in the settings page whose text is `text`, clicked with the real mouse. */
async function clickLabel(settings: Page, text: string): Promise<void> {
  const handle = await settings.evaluateHandle(
    (wanted) => [...document.querySelectorAll('label')].find((label) => label.textContent?.trim() === wanted) ?? null,
    text,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no label ${text}`);
  await (element as import('puppeteer-core').ElementHandle<Element>).click();
}

const statusOf = (settings: Page) =>
  settings.evaluate(() => document.querySelector('section[aria-labelledby="highlighting-title"] .status-line')?.textContent ?? '');

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

describe('Firefox: the settings page', () => {
  it('sets the shortcut’s colour and turns the toolbar off in an open tab', async () => {
    const settings = await env.session.openSettings(env.server.url('storm-1152.html?case=opener'));
    const page = await env.session.browser.newPage();
    await page.goto(env.server.url('storm-1152.html?case=settings'));
    const regions = () =>
      settings.evaluate(() =>
        [...document.querySelectorAll('section[aria-labelledby]')].map(
          (section) => document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent,
        ),
      );
    await expect.poll(regions, WAIT).toEqual(['Highlighting', 'Paused sites', 'Your data']);
    await expect.poll(() => settings.evaluate(() => document.querySelector('kbd')?.textContent), WAIT).toBe('Alt+Shift+H');

    // Default colour: pink; the shortcut's highlight is pink.
    await settings.bringToFront();
    await clickLabel(settings, 'Pink');
    await expect.poll(() => statusOf(settings), WAIT).toContain('are pink');
    await page.bringToFront();
    // The toolbar offers pink first (and so Gloss is running in the page).
    await selectForToolbar(page, 'phishing attacks', 'identity theft');
    const frame = await glossFrame(page);
    const pinkChecked = () =>
      frame.evaluate(() => document.querySelector('[role="toolbar"] [aria-label="Pink"]')?.getAttribute('aria-pressed') ?? null);
    await expect.poll(pinkChecked, WAIT).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.evaluate(() => document.querySelector('[role="toolbar"]') === null), WAIT).toBe(true);

    const first = (await page.evaluate(selectTextScript('Astonishingly, the group', '750 million'))) as string;
    await pressShortcut(page);
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-pink': [first] });

    // Toolbar off, from the settings page, while the article is open: a selection offers none; the
    // editor opened afterwards through the same channel shows that none was drawn before it.
    await settings.bringToFront();
    await clickLabel(settings, 'Show the toolbar when I select text');
    await expect.poll(() => statusOf(settings), WAIT).toContain('The toolbar is off');
    await page.bringToFront();
    await watchForToolbar(frame);
    await selectForToolbar(page, 'phishing attacks', 'identity theft');
    const point = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => frame.evaluate(() => document.querySelector('[role="dialog"]') !== null), WAIT).toBe(true);
    expect(await sawToolbar(frame)).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.evaluate(() => document.querySelector('[role="dialog"]') === null), WAIT).toBe(true);

    // The shortcut still highlights, pink.
    const second = (await page.evaluate(selectTextScript('phishing attacks', 'identity theft'))) as string;
    await pressShortcut(page);
    await expect.poll(async () => sorted((await painted(page))['gloss-pink']), WAIT).toEqual(sorted([first, second]));
    expect(Object.keys(await painted(page))).toEqual(['gloss-pink']);
    expect(await sawToolbar(frame)).toBe(false);
    await Promise.all([page.close(), settings.close()]);
  });
});
