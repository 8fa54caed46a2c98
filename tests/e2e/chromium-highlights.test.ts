import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { FIXTURES_DIR } from '../../harness/paths';
import { clickInGloss, drawn, glossEditor, glossFrame, highlightText } from './support/chromium-gloss-ui';
import { PAINTED_SCRIPT, selectTextScript, textCenterScript, textEdgesScript } from './support/page-selection';

const WAIT = { timeout: 10_000 };
const QUOTE_START = 'Astonishingly, the group';
const QUOTE_END = '750 million';

const env = useChromium();

/** A new tab on the sample (`?case=…` keeps each test's highlights its own), the quote highlighted, its editor opened by a click. */
async function editorOnNewHighlight(testCase: string) {
  const page = await env.session.context.newPage();
  await page.goto(env.server.url(`storm-1152.html?case=${testCase}`));
  await page.waitForTimeout(300); // the content script starts at document_idle
  const quote = await highlightText(page, QUOTE_START, QUOTE_END);
  await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
  const point = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
  await page.mouse.click(point.x, point.y);
  return { page, quote, editor: await glossEditor(page) };
}

// Highlights are stored per page address, so each test that keeps its highlights uses its own query
// string (?case=…) to stay independent of the others.
describe('Chromium: highlights on the sample article', () => {
  it('highlights a selection, takes a note and a tag, survives a reload, and can be deleted', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html'));
    await page.waitForTimeout(300); // the content script starts at document_idle
    // A real drag with the mouse, as a person selects.
    const drag = (await page.evaluate(textEdgesScript(QUOTE_START, QUOTE_END))) as {
      from: { x: number; y: number };
      to: { x: number; y: number };
    };
    await page.mouse.move(drag.from.x, drag.from.y);
    await page.mouse.down();
    await page.mouse.move(drag.to.x, drag.to.y, { steps: 5 });
    await page.mouse.up();
    const quote = await page.evaluate(() => String(getSelection()));
    expect(quote).toBe('Astonishingly, the group managed to generate a staggering 750 million');

    await (await glossFrame(page)).getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const point = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    const editor = await glossEditor(page);
    await editor
      .getByRole('textbox', { name: 'Note' })
      .fill('The **headline** number.\nCheck the [court filing](https://example.org/filing).');
    await editor.getByRole('textbox', { name: 'Tags' }).fill('fraud, Storm-1152');
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    // Focus is back in the page, not left in Gloss's frame.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-gloss-ui'))).toBe(false);

    await page.reload();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const popup = await env.session.openPopupFor(page);
    const region = popup.getByRole('region', { name: /Highlights/ });
    const items = region.getByRole('listitem').filter({ hasText: 'Astonishingly' });
    await expect.poll(() => items.count(), WAIT).toBe(1);
    // The note's Markdown is drawn, once its reader has loaded.
    await expect.poll(() => items.locator('.note strong').textContent(), WAIT).toBe('headline');
    expect(await items.textContent()).toContain('The headline number.');
    expect(await items.textContent()).toContain('#Storm-1152');
    expect(await items.getByRole('link', { name: 'court filing' }).getAttribute('href')).toBe('https://example.org/filing');
    expect(await items.textContent()).toContain('#fraud');

    const again = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.bringToFront();
    await page.mouse.click(again.x, again.y);
    // Delete asks to confirm (so that a second click never deletes).
    const frame = await glossFrame(page);
    await clickInGloss(frame, (await glossEditor(page)).getByRole('button', { name: 'Delete', exact: true }));
    await clickInGloss(frame, (await glossEditor(page)).getByRole('button', { name: 'Delete highlight' }));
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({});
    await expect.poll(() => region.getByRole('listitem').count(), WAIT).toBe(0);
    await page.reload();
    await page.waitForTimeout(500);
    expect(await page.evaluate(PAINTED_SCRIPT)).toEqual({});
    await popup.close();
    await page.close();
  });

  it('keeps the note and tags typed when the page reloads before Done', async () => {
    const { page, quote, editor } = await editorOnNewHighlight('reload-draft');
    await editor.getByRole('textbox', { name: 'Note' }).fill('The headline number.');
    await editor.getByRole('textbox', { name: 'Tags' }).fill('fraud, Storm-1152');
    // No Done: the tab reloads with the editor open, as after F5 (or the tab closing).
    await page.reload();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const popup = await env.session.openPopupFor(page);
    const items = popup
      .getByRole('region', { name: /Highlights/ })
      .getByRole('listitem')
      .filter({ hasText: 'Astonishingly' });
    await expect.poll(() => items.textContent(), WAIT).toContain('The headline number.');
    expect(await items.textContent()).toContain('#fraud');
    expect(await items.textContent()).toContain('#Storm-1152');
    await popup.close();
    await page.close();
  });

  it('saves the note typed and the colour chosen once the person pauses, the editor still open (a crash would keep them)', async () => {
    const { page, editor } = await editorOnNewHighlight('autosave');
    await clickInGloss(await glossFrame(page), editor.getByRole('radio', { name: 'Green' }));
    await editor.getByRole('textbox', { name: 'Note' }).fill('Typed, never Done.');
    // No Done, no reload: the popup lists the note and the colour only if the autosave stored them.
    const popup = await env.session.openPopupFor(page);
    const item = popup
      .getByRole('region', { name: /Highlights/ })
      .getByRole('listitem')
      .filter({ hasText: 'Astonishingly' });
    await expect.poll(() => item.textContent(), WAIT).toContain('Typed, never Done.');
    expect(await item.locator('.swatch').getAttribute('data-color')).toBe('green');
    expect(await editor.count()).toBe(1); // still open: nothing was saved by Done or by the editor closing
    // The passage still shows the chosen colour while the editor stays open.
    expect(await page.evaluate(PAINTED_SCRIPT)).toMatchObject({ 'gloss-green': [expect.any(String)] });
    await popup.close();
    await page.close();
  });

  it('keeps what is typed in the note while a busy page has not placed the editor yet', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=busy-page'));
    await page.waitForTimeout(300);
    const quote = await highlightText(page, QUOTE_START, QUOTE_END);
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    // The page's own script holds its main thread for a second right after the click that opens the
    // editor: Gloss's frame (another process) draws the editor and takes the focus at once, and the page
    // places the frame only afterwards. Placing it must leave the focus in the note the person moved to.
    await page.evaluate(() => {
      const hold = () => {
        const end = Date.now() + 1000;
        while (Date.now() < end);
      };
      document.addEventListener('click', () => setTimeout(hold, 0), { once: true });
    });
    const point = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    const frame = await glossFrame(page);
    const note = (await glossEditor(page)).getByRole('textbox', { name: 'Note' });
    await note.focus();
    await drawn(frame); // Chrome draws the hidden frame only once the page has placed it
    await page.keyboard.type('The headline number.');
    expect(await note.inputValue()).toBe('The headline number.');
    await page.close();
  });

  it('highlights a selection that spans two paragraphs and a heading', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=span'));
    await page.waitForTimeout(300);
    const quote = await highlightText(page, 'this formidable foe', 'Storm-1152 had operated');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await page.reload();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await page.close();
  });

  it('keeps no Gloss data in the page’s own storage', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=storage'));
    await page.waitForTimeout(300);
    await highlightText(page, 'Microsoft obtained', 'court order');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).not.toEqual({});
    // The page's origin sees no database and no storage keys: everything lives in the background.
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    const stored = await env.session.serviceWorker.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
    expect(stored).toContain('gloss');
    await page.close();
  });

  it('restores highlights on a page whose text arrives a second after load', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('late-render.html'));
    await page.getByText('Investigators traced').waitFor();
    const quote = await highlightText(page, 'traced the operation', 'hosting');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    await page.reload();
    expect(await page.evaluate(PAINTED_SCRIPT)).toEqual({});
    await page.getByText('Investigators traced').waitFor();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await page.close();
  });

  it('follows single-page-app navigation: each address shows its own highlights', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('spa.html?story=one'));
    await page.waitForTimeout(300);
    const quote = await highlightText(page, 'help-desk social engineering', 'passwords');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    await page.getByRole('link', { name: 'Story two' }).click();
    await page.getByText('CAPTCHA-solving').waitFor();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({});

    await page.goBack();
    await page.getByText('help-desk').waitFor();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await page.close();
  });

  it('shows a highlight made in one tab live in another tab of the same page', async () => {
    const first = await env.session.context.newPage();
    const second = await env.session.context.newPage();
    // The same article under a tracking parameter and a fragment is the same page.
    await first.goto(env.server.url('storm-1152.html?case=live&utm_source=newsletter'));
    await second.goto(`${env.server.url('storm-1152.html?case=live')}#overview`);
    await first.waitForTimeout(300);
    const quote = await highlightText(first, 'Arkose Labs', 'Arkose Labs');
    await expect.poll(() => second.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await first.close();
    await second.close();
  });

  it('lists a highlight whose text was removed as not found, and re-attaches it to a new selection', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?orphan-test'));
    await page.waitForTimeout(300);
    await highlightText(page, 'meticulous investigation', 'confirmation');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).not.toEqual({});

    // The site edits the article: the sentence with the highlight is gone.
    const original = readFileSync(path.join(FIXTURES_DIR, 'storm-1152.html'), 'utf8');
    env.server.override(
      'storm-1152.html',
      original.replace(/<p>[^<]*meticulous investigation[^<]*<\/p>/, '<p>This section was removed.</p>'),
    );
    try {
      await page.reload();
      const popup = await env.session.openPopupFor(page);
      const item = popup
        .getByRole('region', { name: /Highlights/ })
        .getByRole('listitem')
        .filter({ hasText: 'meticulous investigation' });
      await expect.poll(() => item.textContent(), WAIT).toContain('Not found on this page');
      expect(await page.evaluate(PAINTED_SCRIPT)).toEqual({});

      await page.bringToFront();
      const quote = (await page.evaluate(selectTextScript('This section', 'removed'))) as string;
      await popup.bringToFront();
      await item.getByRole('button', { name: 'Re-attach to selection' }).click();
      await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
      await expect.poll(() => popup.getByText('Not found on this page').count(), WAIT).toBe(0);
      await popup.close();
    } finally {
      env.server.override('storm-1152.html', null);
    }
    await page.close();
  });

  it('registers Alt+Shift+H, and the command it sends highlights the selection', async () => {
    const commands = await env.session.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: 'highlight-selection', shortcut: 'Alt+Shift+H' }));

    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=shortcut'));
    await page.waitForTimeout(300);
    const quote = (await page.evaluate(selectTextScript('phishing attacks', 'identity theft'))) as string;
    const tabId = await env.session.tabIdOf(page);
    // What the shortcut and the context menu do once the browser has delivered them to the background.
    await env.session.serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { gloss: 'tab-command', type: 'highlight-selection' }, { frameId: 0 }),
      tabId,
    );
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });
    await page.close();
  });

  it('undoes a deletion, and scrolls to a highlight chosen in the popup', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('storm-1152.html?case=undo'));
    await page.waitForTimeout(300);
    const quote = await highlightText(page, 'comprehensive strategy', 'disrupt the wider');
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const point = (await page.evaluate(textCenterScript('comprehensive strategy'))) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    // Delete asks to confirm (so that a second click never deletes).
    const frame = await glossFrame(page);
    await clickInGloss(frame, (await glossEditor(page)).getByRole('button', { name: 'Delete', exact: true }));
    await clickInGloss(frame, (await glossEditor(page)).getByRole('button', { name: 'Delete highlight' }));
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({});
    await (await glossFrame(page)).getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.evaluate(PAINTED_SCRIPT), WAIT).toEqual({ 'gloss-yellow': [quote] });

    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await env.session.openPopupFor(page);
    await popup
      .getByRole('region', { name: /Highlights/ })
      .getByRole('button', { name: /comprehensive strategy/ })
      .click();
    await expect.poll(() => page.evaluate(() => window.scrollY), WAIT).toBeGreaterThan(300);
    await popup.close();
    await page.close();
  });
});
