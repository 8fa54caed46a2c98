import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { PAINTED_SCRIPT, selectTextScript, textCenterScript } from './page-selection';

/** Gloss's in-page UI frame in `page`. Over BiDi its reported address can stay about:blank: ask the frame. */
export async function glossFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.includes('/ui-frame.html')) return frame;
    }
    if (Date.now() > deadline) throw new Error('Gloss’s UI frame did not appear');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The control in Gloss's frame whose accessible name (aria-label, else text) is `name`; waits for it. */
async function glossControl(page: Page, name: string): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frame = await glossFrame(page);
    const handle = await frame.evaluateHandle(
      (label) =>
        [...document.querySelectorAll('button, [role="radio"], textarea, input')].find(
          (element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === label,
        ) ?? null,
      name,
    );
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (element) return element;
    if (Date.now() > deadline) throw new Error(`no Gloss control named ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Clicks, with the real mouse, the control in Gloss's frame whose accessible name or text matches. */
export async function clickGlossControl(page: Page, name: string): Promise<void> {
  await (await glossControl(page, name)).click();
}

/** Clicks into a field of Gloss's editor and types with the real keyboard, as a person would. */
export async function fillGlossField(page: Page, label: string, value: string): Promise<void> {
  await (await glossControl(page, label)).click();
  await page.keyboard.type(value);
}

/** Selects the text and releases Shift with the real keyboard, so Gloss offers its toolbar. */
export async function selectForToolbar(page: Page, start: string, end: string): Promise<string> {
  const quote = (await page.evaluate(selectTextScript(start, end))) as string;
  await page.keyboard.press('Shift');
  return quote;
}

/**
 * Highlights the text from `start` to `end` with the floating toolbar, then opens the editor by clicking
 * on `inside` and gives the highlight a note and tags; returns the quote.
 */
export async function highlightWithNote(
  page: Page,
  selection: { start: string; end: string; inside: string },
  note: string,
  tags: string,
): Promise<string> {
  const quote = await selectForToolbar(page, selection.start, selection.end);
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

/**
 * The id of the tab showing `address`, asked from a Gloss page (the popup), or null. Firefox's own PDF viewer
 * tab never reports that it finished loading, so its tests open the popup for an article and then point it at
 * the PDF's tab (`popup.html?tab=<id>`) with this id.
 */
export async function tabIdOf(popup: Page, address: string): Promise<number | null> {
  return popup.evaluate(async (url) => {
    const tabs = await (
      globalThis as unknown as { browser: { tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> } } }
    ).browser.tabs.query({});
    return tabs.find((tab) => tab.url === url)?.id ?? null;
  }, address);
}

/** Clicks the button labelled `name` in an extension page once it is there and enabled (an export waits for its data). */
export async function clickButton(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (label) => [...document.querySelectorAll('button')].some((b) => b.textContent === label && !b.disabled),
    { timeout: 10_000 },
    name,
  );
  await page.evaluate(
    (label) => [...document.querySelectorAll('button')].find((b) => b.textContent === label && !b.disabled)!.click(),
    name,
  );
}
