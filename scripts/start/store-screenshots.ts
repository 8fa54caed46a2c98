import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { setTabViewport, type ChromiumSession } from '../../harness/chromium';
import {
  clickInGloss,
  describeGlossUi,
  glossEditor,
  glossFrame,
  highlightText,
  selectForToolbar,
} from '../../tests/e2e/support/chromium-gloss-ui';
import { ENTITY_MARKS_SCRIPT } from '../../tests/e2e/support/entity-marks';
import { PAINTED_SCRIPT } from '../../tests/e2e/support/page-selection';
import { DEMO_OUTPUT_DIR } from './demo-output';

/** Where the store listing (store/listing.md) finds its screenshots: `store/` in the demo's output folder. */
export const storeScreenshotsDir = (outputDir = DEMO_OUTPUT_DIR): string => path.join(outputDir, 'store');

/** The size both stores take (Chrome Web Store: 1280×800 or 640×400; AMO shows them at 1280×800). */
const WIDTH = 1280;
const HEIGHT = 800;
const WAIT = 15_000;
/** The popup as Chrome draws it: its page's own width, hanging below the toolbar at the right. */
const POPUP_WIDTH = 380;
const POPUP_TOP = 8;
const POPUP_RIGHT = 16;

async function waitFor(what: string, check: () => Promise<boolean>, explain?: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + WAIT;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`the store screenshots stopped: ${what} did not happen${explain ? ` (${await explain()})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const painted = (page: Page) => async () =>
  `painted: ${JSON.stringify(await page.evaluate(PAINTED_SCRIPT))}; ${await describeGlossUi(page)}`;

/** How many ranges Gloss paints in each highlight colour (not the focus ring or entity marks). */
async function paintedColours(page: Page): Promise<string> {
  const painted = (await page.evaluate(PAINTED_SCRIPT)) as Record<string, string[]>;
  return Object.entries(painted)
    .filter(([name]) => name !== 'gloss-focus')
    .map(([name, ranges]) => `${name.replace('gloss-', '')}:${ranges.length}`)
    .sort()
    .join(' ');
}

/**
 * Selects from `start` to `end` and highlights it in `colour` with the real mouse: one click on the
 * toolbar's colour, or with a note, "Add note" and then the colour in the editor that opens.
 */
async function highlightIn(page: Page, colour: string, start: string, end: string, button: 'Highlight' | 'Add note'): Promise<void> {
  await selectForToolbar(page, start, end);
  const frame = await glossFrame(page);
  const target = frame.getByRole('button', { name: button === 'Highlight' ? colour : 'Add note', exact: true });
  await clickInGloss(frame, target);
  if (button === 'Highlight') return;
  // The editor opens in the frame after that click; `clickInGloss` waits until it is drawn and placed.
  const swatch = (await glossEditor(page)).getByRole('radio', { name: colour });
  await clickInGloss(await glossFrame(page), swatch);
  await waitFor(`the ${colour} swatch to be chosen`, async () => (await swatch.getAttribute('aria-checked')) === 'true');
}

/** Three highlights as a reader makes them: one plain, one in another colour, one with a note and tags (its editor left open). */
async function annotate(page: Page): Promise<void> {
  await highlightText(page, 'Astonishingly, the group', 'fraudulent Microsoft accounts');
  await waitFor('the first highlight', async () => (await paintedColours(page)) === 'yellow:1', painted(page));
  await highlightIn(page, 'Pink', 'phishing attacks', 'denial-of-service (DDoS) attacks', 'Highlight');
  await waitFor('the second highlight', async () => (await paintedColours(page)) === 'pink:1 yellow:1', painted(page));
  await highlightIn(page, 'Green', 'Octo Tempest utilized', 'compromise organizations', 'Add note');
  await waitFor('the third highlight', async () => (await paintedColours(page)) === 'green:1 pink:1 yellow:1', painted(page));
  const editor = await glossEditor(page);
  await editor
    .getByRole('textbox', { name: 'Note' })
    .fill('Octo Tempest **is** Scattered Spider (UNC3944, 0ktapus). Compare with the March report.');
  await editor.getByRole('textbox', { name: 'Tags' }).fill('octo-tempest, social-engineering');
}

/**
 * Waits until the page has stopped scrolling (Gloss scrolls smoothly to a heading or a mention): a
 * picture taken mid-scroll shows the page's fixed elements out of place.
 */
async function scrollSettled(page: Page): Promise<void> {
  let last = -1;
  let still = 0;
  await waitFor('the page to stop scrolling', async () => {
    const y = await page.evaluate(() => scrollY);
    still = y === last ? still + 1 : 0;
    last = y;
    return still >= 3;
  });
}

/** `popup` drawn over `page` where Chrome opens it, as one 1280×800 picture. */
async function composite(session: ChromiumSession, page: Page, popup: Page, file: string): Promise<void> {
  // Chrome draws a tab behind others from stale frames (parts missing): bring the page to the front and
  // let it draw twice first.
  await page.bringToFront();
  await scrollSettled(page);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const background = (await page.screenshot({ type: 'png' })).toString('base64');
  const panel = (await popup.screenshot({ type: 'png' })).toString('base64');
  const canvas = await session.context.newPage();
  await canvas.setViewportSize({ width: WIDTH, height: HEIGHT });
  await canvas.setContent(`<!doctype html><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;position:relative">
    <img src="data:image/png;base64,${background}" style="position:absolute;inset:0" alt="">
    <img src="data:image/png;base64,${panel}" alt="" style="position:absolute;top:${POPUP_TOP}px;right:${POPUP_RIGHT}px;
      border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.35),0 0 0 1px rgba(0,0,0,.15)">
  </body>`);
  await canvas.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
  await canvas.screenshot({ path: file });
  await canvas.close();
}

/**
 * Writes demo-output/store/ (or `store/` in the output folder given): 1280×800 screenshots of Gloss in use
 * on the sample article, for the store listings. Everything is done as a person does it (selection,
 * toolbar, editor, popup, library), so the pictures show what the build really draws.
 */
export async function writeStoreScreenshots(session: ChromiumSession, page: Page, outputDir = DEMO_OUTPUT_DIR): Promise<string[]> {
  const dir = storeScreenshotsDir(outputDir);
  await mkdir(dir, { recursive: true });
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.bringToFront();
  // 1. The article with highlights, and the note editor open on the last one.
  await annotate(page);
  await scrollSettled(page);
  await page.screenshot({ path: path.join(dir, '1-highlights.png') });
  await (await glossEditor(page)).getByRole('button', { name: 'Done' }).click({ force: true });
  await waitFor('the editor to close', async () => (await (await glossEditor(page)).count()) === 0);

  // 2. The popup: the article's header, its highlights with the note and tags, the exports.
  const popup = await session.openPopupFor(page);
  await setTabViewport(popup, { width: POPUP_WIDTH, height: HEIGHT - 2 * POPUP_TOP });
  await popup.getByRole('navigation', { name: 'Outline' }).waitFor({ timeout: WAIT });
  await popup.locator('section.entities[aria-busy="false"]').waitFor({ timeout: WAIT });
  const listed = popup.getByRole('region', { name: /Highlights/ });
  await waitFor(
    'the popup to list the three highlights',
    async () => {
      const text = (await listed.textContent()) ?? '';
      // The note's Markdown drawn, not the asterisks typed.
      const drawn = (await listed.locator('.note strong').count()) > 0;
      return (
        drawn &&
        ['Astonishingly', 'phishing attacks', 'Octo Tempest utilized', 'Compare with the March report'].every((part) => text.includes(part))
      );
    },
    async () => `it shows: ${await listed.textContent()}`,
  );
  await composite(session, page, popup, path.join(dir, '2-popup-highlights.png'));

  // 3. Dark mode: the entities, one of them marked in the page, and the outline.
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.getByRole('button', { name: /^Storm-1152/ }).click();
  await waitFor('Storm-1152 to be marked in the page', async () =>
    Object.values((await page.evaluate(ENTITY_MARKS_SCRIPT)) as Record<string, unknown[]>).some((marks) => marks.length > 0),
  );
  await popup.getByRole('region', { name: 'Entities' }).evaluate((region) => region.scrollIntoView({ block: 'start' }));
  await composite(session, page, popup, path.join(dir, '3-entities-dark.png'));
  await popup.close();

  // 4. The library: every annotated page, with search and filters.
  const library = await session.context.newPage();
  await library.setViewportSize({ width: WIDTH, height: HEIGHT });
  await library.goto(`chrome-extension://${session.extensionId}/library.html`);
  await library.getByRole('searchbox', { name: 'Search' }).waitFor({ timeout: WAIT });
  await library.getByText('Octo Tempest utilized').first().waitFor({ timeout: WAIT });
  await library.screenshot({ path: path.join(dir, '4-library.png') });
  await library.close();

  return ['1-highlights.png', '2-popup-highlights.png', '3-entities-dark.png', '4-library.png'];
}
