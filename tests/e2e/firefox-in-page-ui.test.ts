import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefox } from './support/browser-sessions';
import { clickGlossControl, glossFrame, selectForToolbar } from './support/firefox-gloss-ui';
import { DECORATIONS_SCRIPT, PAINTED_RECTS_SCRIPT, PAINTED_SCRIPT, textCenterScript, textEdgesScript } from './support/page-selection';

const WAIT = { timeout: 10_000 };
/** Must match STEP_FRAGMENT in extension/background/e2e-hooks.ts: the e2e build's stand-in for the step shortcut. */
const STEP_FRAGMENT = '#gloss-e2e-step';

const env = useFirefox();

type Rect = { left: number; top: number; right: number; bottom: number };
const painted = (page: Page) => page.evaluate(PAINTED_SCRIPT) as Promise<Record<string, string[]>>;
const overlaps = (a: Rect, b: Rect) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
const focusInGloss = (page: Page) => page.evaluate(() => document.activeElement?.hasAttribute('data-gloss-ui') ?? false);
const focusedControl = (frame: Frame) =>
  frame.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active && active !== document.body ? (active.getAttribute('aria-label') ?? active.textContent?.trim() ?? '') : null;
  });

/** The viewport rectangle of the element matching `selector` in Gloss's frame: the frame's place plus the element's place in it. */
async function glossRect(page: Page, selector: string): Promise<Rect> {
  const frame = await glossFrame(page);
  const inner = await frame.evaluate((css) => {
    const box = document.querySelector(css)?.getBoundingClientRect();
    return box ? { left: box.left, top: box.top, right: box.right, bottom: box.bottom } : null;
  }, selector);
  if (!inner) throw new Error(`nothing matches ${selector} in Gloss's frame`);
  const element = await frame.frameElement();
  const outer = await element!.boundingBox();
  if (!outer) throw new Error('Gloss’s frame has no box');
  return { left: outer.x + inner.left, top: outer.y + inner.top, right: outer.x + inner.right, bottom: outer.y + inner.bottom };
}

async function open(address: string): Promise<Page> {
  const { page, popup } = await env.session.openWithPopup(env.server.url(address));
  await popup.close();
  await page.bringToFront();
  return page;
}

async function highlighted(page: Page, start: string, end: string): Promise<string> {
  const quote = await selectForToolbar(page, start, end);
  await clickGlossControl(page, 'Highlight');
  await expect.poll(async () => Object.values(await painted(page)).flat(), WAIT).toContain(quote);
  return quote;
}

describe('Firefox: the in-page UI stays out of the way, and works from the keyboard', () => {
  it('keeps a double-clicked highlight, and opens the editor beside the passage', async () => {
    const page = await open('storm-1152.html?case=ff-double-click');
    const quote = await highlighted(page, 'Astonishingly, the group', '750 million');
    const word = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.mouse.click(word.x, word.y, { count: 2 });
    await expect.poll(() => page.evaluate(() => String(getSelection())), WAIT).toBe('staggering');
    expect(await painted(page)).toMatchObject({ 'gloss-yellow': [quote] });

    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.mouse.click(word.x, word.y);
    const frame = await glossFrame(page);
    await expect.poll(() => frame.evaluate(() => document.querySelector('[role="dialog"]') !== null), WAIT).toBe(true);
    const editor = await glossRect(page, '[role="dialog"]');
    const lines = (await page.evaluate(PAINTED_RECTS_SCRIPT)) as Rect[];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(overlaps(editor, line), JSON.stringify({ editor, line })).toBe(false);
    await clickGlossControl(page, 'Delete');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Keep');
    await clickGlossControl(page, 'Keep');
    expect(await painted(page)).toMatchObject({ 'gloss-yellow': [quote] });
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.evaluate(() => document.querySelector('[role="dialog"]') === null), WAIT).toBe(true);
    await page.close();
  });

  it('puts the toolbar at the selection’s end on a page with CSS zoom 1.5', async () => {
    const page = await open('zoomed.html');
    const { from, to } = (await page.evaluate(textEdgesScript('Investigators traced', 'CAPTCHA-solving'))) as {
      from: { x: number; y: number };
      to: { x: number; y: number };
    };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    const frame = await glossFrame(page);
    await expect.poll(() => frame.evaluate(() => document.querySelector('[role="toolbar"]') !== null), WAIT).toBe(true);
    const toolbar = await glossRect(page, '[role="toolbar"]');
    const width = toolbar.right - toolbar.left;
    expect(Math.abs((toolbar.left + toolbar.right) / 2 - to.x), JSON.stringify({ toolbar, to })).toBeLessThan(width / 2 + 1);
    expect(toolbar.top - to.y, JSON.stringify({ toolbar, to })).toBeGreaterThan(0);
    expect(toolbar.top - to.y, JSON.stringify({ toolbar, to })).toBeLessThan(90);
    await page.close();
  });

  it('highlights, colours and notes from the keyboard, says how tags are kept, and steps with N and P', async () => {
    const page = await open('storm-1152.html?case=ff-keyboard');
    const first = await selectForToolbar(page, 'phishing attacks', 'identity theft');
    const frame = await glossFrame(page);
    await expect.poll(() => frame.evaluate(() => document.querySelector('[role="toolbar"]') !== null), WAIT).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Highlight');
    await page.keyboard.press('3');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-blue': [first] });

    const second = await selectForToolbar(page, 'Astonishingly, the group', '750 million');
    await expect.poll(() => frame.evaluate(() => document.querySelector('[role="toolbar"]') !== null), WAIT).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Highlight');
    await page.keyboard.press('n');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Note');
    await page.keyboard.type('Typed in Firefox.');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Tags');
    await page.keyboard.type('social engineering');
    await expect.poll(() => frame.evaluate(() => document.querySelector('.hint')?.textContent), WAIT).toBe('Saved as #social-engineering');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInGloss(page)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.evaluate(() => document.querySelector('[role="dialog"]') === null), WAIT).toBe(true);
    await expect.poll(() => focusInGloss(page), WAIT).toBe(false);
    await expect.poll(() => page.evaluate(DECORATIONS_SCRIPT), WAIT).toMatchObject({ 'gloss-noted': [second] });

    // The step shortcut (its e2e stand-in), then N and P.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate((fragment) => {
      location.hash = fragment;
    }, STEP_FRAGMENT);
    const position = () => frame.evaluate(() => document.querySelector('.position')?.textContent ?? null);
    await expect.poll(position, WAIT).toBe('Highlight 1 of 2');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Next');
    await page.keyboard.press('n');
    await expect.poll(position, WAIT).toBe('Highlight 2 of 2');
    await expect.poll(async () => (await painted(page))['gloss-focus'], WAIT).toEqual([first]);
    await page.keyboard.press('p');
    await expect.poll(position, WAIT).toBe('Highlight 1 of 2');
    await expect.poll(async () => (await painted(page))['gloss-focus'], WAIT).toEqual([second]);
    await page.keyboard.press('Escape');
    await expect.poll(position, WAIT).toBeNull();
    await expect.poll(() => focusInGloss(page), WAIT).toBe(false);
    await page.close();
  });
});
