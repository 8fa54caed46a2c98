import type { Frame, Locator, Page } from 'playwright-core';
import type { ChromiumSession } from '../../../harness/chromium';
import { selectTextScript } from './page-selection';

/**
 * Waits until Gloss's content script in `page` answers a command: it has started (at document_idle) and
 * heard from the background whether the site is paused and the page has highlights.
 */
export async function glossReady(
  session: Pick<ChromiumSession, 'tabIdOf' | 'serviceWorker'>,
  page: Page,
  timeoutMs = 10_000,
): Promise<void> {
  const tabId = await session.tabIdOf(page);
  const deadline = Date.now() + timeoutMs;
  const answers = () =>
    session.serviceWorker.evaluate(
      (id) =>
        chrome.tabs.sendMessage(id, { gloss: 'tab-command', type: 'highlight-states' }, { frameId: 0 }).then(
          () => true,
          () => false,
        ),
      tabId,
    );
  while (!(await answers())) {
    if (Date.now() > deadline) throw new Error('Gloss’s content script did not answer');
    await page.waitForTimeout(100);
  }
}

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
  // A person selects in the tab in front; Chrome hardly draws frames in tabs behind it.
  await page.bringToFront();
  const quote = (await page.evaluate(selectTextScript(start, end))) as string;
  await page.keyboard.press('Shift');
  return quote;
}

/**
 * Waits until Gloss's frame has drawn two animation frames since it was shown, as a person waits to see
 * the toolbar: Chrome stops drawing a hidden cross-origin frame, and until it draws again a click at the
 * button's place goes to the page instead.
 */
export async function drawn(frame: Frame): Promise<void> {
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Waits until `control` stands still inside Gloss's frame where the page placed it, as a person waits to
 * see a view in its place: the frame draws a new view (the editor after "Add note") before the page has
 * sized and moved the frame to fit it (`place` in ui-frame-host.ts), and a click at the control's place
 * meanwhile lands on the page, which closes the view.
 */
export async function placed(frame: Frame, control: Locator, timeoutMs = 10_000): Promise<void> {
  const host = await frame.frameElement();
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    await drawn(frame);
    const [outer, inner] = await Promise.all([host.boundingBox(), control.boundingBox()]);
    const boxes = JSON.stringify([outer, inner]);
    const inside =
      outer !== null &&
      inner !== null &&
      inner.x >= outer.x &&
      inner.y >= outer.y &&
      inner.x + inner.width <= outer.x + outer.width &&
      inner.y + inner.height <= outer.y + outer.height;
    if (inside && boxes === last) return;
    if (Date.now() > deadline) throw new Error(`a control in Gloss’s frame did not settle in place: ${boxes}`);
    last = boxes;
  }
}

/** Selects the text and clicks the toolbar's button (Highlight or Add note) with the real mouse. */
export async function highlightText(
  page: Page,
  start: string,
  end: string,
  button: 'Highlight' | 'Add note' = 'Highlight',
): Promise<string> {
  const quote = await selectForToolbar(page, start, end);
  const frame = await glossFrame(page);
  const control = frame.getByRole('button', { name: button, exact: true });
  await control.waitFor({ timeout: 10_000 }).catch(async () => {
    throw new Error(`no ${button} button: ${await describeGlossUi(page)}`);
  });
  await placed(frame, control);
  // Playwright's "stable" check waits for animation frames inside Gloss's frame, which a loaded headless
  // Chrome sometimes withholds from a cross-origin frame for many seconds. The click itself still goes
  // through the browser's own input routing to wherever the button is drawn, so skip only that check.
  await control.click({ timeout: 8000, force: true }).catch(async (error) => {
    // GLOSS_DEBUG_SHOTS=<folder> keeps a screenshot of the page as the click failed.
    if (process.env.GLOSS_DEBUG_SHOTS) await page.screenshot({ path: `${process.env.GLOSS_DEBUG_SHOTS}/${Date.now()}.png` });
    throw new Error(`${error}: ${await describeGlossUi(page)}`);
  });
  return quote;
}

/**
 * Clicks a control in Gloss's frame with the real mouse once the frame has drawn it (see `drawn`): a
 * click sent before Chrome draws the frame again lands on the page underneath.
 */
export async function clickInGloss(frame: Frame, control: Locator): Promise<void> {
  await control.waitFor({ timeout: 10_000 });
  await placed(frame, control);
  await control.click({ timeout: 8000, force: true });
}

/**
 * Moves the real mouse over a control in Gloss's frame once the frame has drawn it, as a person reaching
 * for it: the undo notice stays while the pointer is over it (extension/ui-frame/undo-toast.ts).
 */
export async function hoverInGloss(frame: Frame, control: Locator): Promise<void> {
  await control.waitFor({ timeout: 10_000 });
  await placed(frame, control);
  await control.hover({ timeout: 8000, force: true });
}

/** The editor dialog, inside Gloss's frame. */
export async function glossEditor(page: Page) {
  return (await glossFrame(page)).getByRole('dialog', { name: 'Edit highlight' });
}

/** What Gloss's frames show, and the page's selection and focus, for a failure message. */
export async function describeGlossUi(page: Page): Promise<string> {
  const frames = await Promise.all(
    page
      .frames()
      .filter((frame) => frame.url().includes('/ui-frame.html'))
      .map(
        async (frame) =>
          `${frame.url().split('#')[0]}: ${await frame.evaluate(() => document.body.innerHTML.slice(0, 120)).catch((error) => String(error))}`,
      ),
  );
  const state = await page.evaluate(() => ({
    selection: String(getSelection()),
    focus: document.hasFocus(),
    visibility: document.visibilityState,
  }));
  return JSON.stringify({ frames, ...state });
}

/** What one of Gloss's keyboard shortcuts does for the page's tab, sent as Chrome sends it (Playwright's keys reach no extension shortcut). */
export async function dispatchCommand(session: ChromiumSession, page: Page, name: string): Promise<void> {
  const tabId = await session.tabIdOf(page);
  await session.serviceWorker.evaluate(
    async ({ id, command }) => {
      chrome.commands.onCommand.dispatch(command, await chrome.tabs.get(id));
    },
    { id: tabId, command: name },
  );
}
