import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import {
  clickInGloss,
  dispatchCommand,
  glossEditor,
  glossFrame,
  glossReady,
  highlightText,
  hoverInGloss,
  selectForToolbar,
} from './support/chromium-gloss-ui';
import {
  DECORATIONS_SCRIPT,
  PAINTED_RECTS_SCRIPT,
  PAINTED_SCRIPT,
  selectTextScript,
  textCenterScript,
  textEdgesScript,
} from './support/page-selection';

const WAIT = { timeout: 10_000 };
const env = useChromium();

type Rect = { left: number; top: number; right: number; bottom: number };
type Box = { x: number; y: number; width: number; height: number };
const overlaps = (box: Box, rect: Rect) =>
  box.x < rect.right && box.x + box.width > rect.left && box.y < rect.bottom && box.y + box.height > rect.top;

const painted = (page: Page) => page.evaluate(PAINTED_SCRIPT) as Promise<Record<string, string[]>>;
/** Whether the keyboard focus is in Gloss's frame (the page sees only its host element focused). */
const focusInGloss = (page: Page) => page.evaluate(() => document.activeElement?.hasAttribute('data-gloss-ui') ?? false);
/** The name of the control focused inside Gloss's frame. */
const focusedControl = (frame: Frame) =>
  frame.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return document.hasFocus() && active && active !== document.body
      ? (active.getAttribute('aria-label') ?? active.textContent?.trim() ?? '')
      : null;
  });

/** Drags with the real mouse from the start of `start` to the end of `end`; returns where it was released. */
async function drag(page: Page, start: string, end: string): Promise<{ x: number; y: number }> {
  await page.bringToFront();
  const { from, to } = (await page.evaluate(textEdgesScript(start, end))) as {
    from: { x: number; y: number };
    to: { x: number; y: number };
  };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  return to;
}

async function open(address: string): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(env.server.url(address));
  await glossReady(env.session, page);
  return page;
}

/** Highlights with the toolbar and waits for the paint, as a person sees it before selecting again. */
async function highlighted(page: Page, start: string, end: string): Promise<string> {
  const quote = await highlightText(page, start, end);
  await expect.poll(async () => Object.values(await painted(page)).flat(), WAIT).toContain(quote);
  return quote;
}

describe('Chromium: the in-page toolbar and editor stay out of the way', () => {
  it('keeps a double-clicked highlight, opens the editor beside the passage, and asks before deleting', async () => {
    const page = await open('storm-1152.html?case=double-click');
    const quote = await highlightText(page, 'Astonishingly, the group', '750 million');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [quote] });

    const word = (await page.evaluate(textCenterScript('staggering'))) as { x: number; y: number };
    // Hovering shades the highlight lightly; moving off it takes the shade away.
    await page.mouse.move(word.x, word.y);
    await expect.poll(() => page.evaluate(DECORATIONS_SCRIPT), WAIT).toMatchObject({ 'gloss-hover': [quote] });
    await page.mouse.move(5, 5);
    await expect
      .poll(async () => ((await page.evaluate(DECORATIONS_SCRIPT)) as Record<string, unknown>)['gloss-hover'], WAIT)
      .toBeUndefined();
    await page.mouse.dblclick(word.x, word.y);
    // The second click lands on the page, not on a Delete button: the highlight is still there.
    await expect.poll(() => page.evaluate(() => String(getSelection())), WAIT).toBe('staggering');
    expect(await painted(page)).toEqual({ 'gloss-yellow': [quote] });
    // The word selected inside the highlight is offered for editing, not for a duplicate highlight.
    const frame = await glossFrame(page);
    const toolbar = frame.getByRole('toolbar', { name: 'Gloss' });
    await toolbar.getByRole('button', { name: 'Edit highlight' }).waitFor(WAIT);
    expect(await toolbar.getByRole('button', { name: 'Highlight', exact: true }).count()).toBe(0);
    await clickInGloss(frame, toolbar.getByRole('button', { name: 'Edit highlight' }));

    const editor = await glossEditor(page);
    await editor.waitFor(WAIT);
    const box = (await editor.boundingBox())!;
    const lines = (await page.evaluate(PAINTED_RECTS_SCRIPT)) as Rect[];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(overlaps(box, line), JSON.stringify({ box, line })).toBe(false);

    // Delete asks first; Keep (where the focus goes) changes nothing.
    await editor.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Keep');
    await editor.getByRole('button', { name: 'Keep' }).click();
    // (The passage being edited also carries the focus underline, gloss-focus.)
    expect(await painted(page)).toMatchObject({ 'gloss-yellow': [quote] });
    await editor.getByRole('button', { name: 'Delete', exact: true }).click();
    await editor.getByRole('button', { name: 'Delete highlight' }).click();
    await expect.poll(() => painted(page), WAIT).toEqual({});
    await page.close();
  });

  it('puts the toolbar at the end of the selection, where the mouse was released', async () => {
    const page = await open('storm-1152.html?case=toolbar-place');
    const released = await drag(page, 'Astonishingly, the group', '750 million');
    const toolbar = (await glossFrame(page)).getByRole('toolbar', { name: 'Gloss' });
    await toolbar.waitFor(WAIT);
    const box = (await toolbar.boundingBox())!;
    // Centred under the release point (unless the viewport's edge pushes it), just below that line.
    expect(Math.abs(box.x + box.width / 2 - released.x), JSON.stringify({ box, released })).toBeLessThan(box.width / 2 + 1);
    expect(box.y).toBeGreaterThan(released.y);
    expect(box.y - released.y).toBeLessThan(60);
    // One click on a colour highlights in it.
    await clickInGloss(await glossFrame(page), toolbar.getByRole('button', { name: 'Green' }));
    await expect
      .poll(() => painted(page), WAIT)
      .toEqual({ 'gloss-green': ['Astonishingly, the group managed to generate a staggering 750 million'] });
    await page.close();
  });

  it('places the toolbar and the editor right on a page with CSS zoom 1.5', async () => {
    const page = await open('zoomed.html');
    const released = await drag(page, 'Investigators traced', 'CAPTCHA-solving');
    const frame = await glossFrame(page);
    const toolbar = frame.getByRole('toolbar', { name: 'Gloss' });
    await toolbar.waitFor(WAIT);
    const box = (await toolbar.boundingBox())!;
    expect(Math.abs(box.x + box.width / 2 - released.x), JSON.stringify({ box, released })).toBeLessThan(box.width / 2 + 1);
    expect(box.y - released.y, JSON.stringify({ box, released })).toBeGreaterThan(0);
    expect(box.y - released.y, JSON.stringify({ box, released })).toBeLessThan(90);

    await clickInGloss(frame, toolbar.getByRole('button', { name: 'Add note' }));
    const editor = await glossEditor(page);
    await editor.waitFor(WAIT);
    const editorBox = (await editor.boundingBox())!;
    const lines = (await page.evaluate(PAINTED_RECTS_SCRIPT)) as Rect[];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(overlaps(editorBox, line), JSON.stringify({ editorBox, line })).toBe(false);
    // Beside or just below the passage, not hundreds of pixels away.
    const passageBottom = Math.max(...lines.map((line) => line.bottom));
    expect(editorBox.y).toBeLessThan(passageBottom + 40);
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count(), WAIT).toBe(0);
    await page.close();
  });
});

describe('Chromium: Gloss from the keyboard alone', () => {
  it('highlights, colours, notes and tags with the keyboard, with suggestions, and gives the focus back', async () => {
    const page = await open('storm-1152.html?case=keyboard');

    // Select, Tab into the toolbar, 3 = blue.
    const first = await selectForToolbar(page, 'phishing attacks', 'identity theft');
    const frame = await glossFrame(page);
    await frame.getByRole('toolbar', { name: 'Gloss' }).waitFor(WAIT);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Highlight');
    await page.keyboard.press('3');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-blue': [first] });

    // Select, Tab, N: the editor opens on the note.
    const second = await selectForToolbar(page, 'Astonishingly, the group', '750 million');
    await frame.getByRole('toolbar', { name: 'Gloss' }).waitFor(WAIT);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Highlight');
    await page.keyboard.press('n');
    const editor = await glossEditor(page);
    await editor.waitFor(WAIT);
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Note');
    await page.keyboard.type('Typed without a mouse.');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Tags');
    await page.keyboard.type('social engineering');
    // The field says how the tag will be kept.
    await editor.getByText('Saved as #social-engineering').waitFor(WAIT);
    // Tab goes round the editor and never out to the page.
    const seen = new Set<string | null>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      seen.add(await focusedControl(frame));
      expect(await focusInGloss(page)).toBe(true);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['Note', 'Tags', 'Delete', 'Done']));
    // Escape closes and saves; the focus goes back to the passage.
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count(), WAIT).toBe(0);
    await expect.poll(() => focusInGloss(page), WAIT).toBe(false);
    expect(await page.evaluate(() => getSelection()?.anchorNode?.parentElement?.textContent?.includes('Astonishingly') ?? false)).toBe(
      true,
    );
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-blue': [first], 'gloss-yellow': [second] });
    await expect.poll(() => page.evaluate(DECORATIONS_SCRIPT), WAIT).toMatchObject({ 'gloss-noted': [second] });

    // A third highlight: its tag field suggests the tag in use.
    await selectForToolbar(page, 'Microsoft obtained', 'court order');
    await frame.getByRole('toolbar', { name: 'Gloss' }).waitFor(WAIT);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Highlight');
    await page.keyboard.press('n');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Note');
    await page.keyboard.press('Tab');
    await page.keyboard.type('soc');
    const suggestion = (await glossEditor(page)).getByRole('option', { name: '#social-engineering' });
    await suggestion.waitFor(WAIT);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await (await glossEditor(page)).getByRole('textbox', { name: 'Tags' }).inputValue()).toBe('social-engineering, ');
    // Ctrl+Enter saves and closes as well.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => glossEditor(page).then((e) => e.count()), WAIT).toBe(0);
    const popup = await env.session.openPopupFor(page);
    const items = popup
      .getByRole('region', { name: /Highlights/ })
      .getByRole('listitem')
      .filter({ hasText: 'Microsoft obtained' });
    await expect.poll(() => items.textContent(), WAIT).toContain('#social-engineering');
    await popup.close();
    await page.close();
  });

  it('steps through the highlights with N and P after the shortcut, and Escape leaves the focus on the passage', async () => {
    const page = await open('storm-1152.html?case=stepping');
    const quotes = [
      await highlighted(page, 'Astonishingly, the group', '750 million'),
      await highlighted(page, 'phishing attacks', 'identity theft'),
      await highlighted(page, 'comprehensive strategy', 'disrupt the wider'),
    ];
    await expect.poll(async () => Object.values(await painted(page)).flat().length, WAIT).toBe(3);
    await page.evaluate(() => window.scrollTo(0, 0));
    await dispatchCommand(env.session, page, 'step-highlights');
    const frame = await glossFrame(page);
    const bar = frame.getByRole('toolbar', { name: 'Highlights on this page' });
    await bar.waitFor(WAIT);
    const position = () => bar.getByRole('status').textContent();
    await expect.poll(position, WAIT).toBe('Highlight 1 of 3');
    await expect.poll(() => focusInGloss(page), WAIT).toBe(true);
    const focused = async () => (await painted(page))['gloss-focus'];
    await expect.poll(focused, WAIT).toEqual([quotes[0]]);

    await page.keyboard.press('n');
    await expect.poll(position, WAIT).toBe('Highlight 2 of 3');
    await expect.poll(focused, WAIT).toEqual([quotes[1]]);
    await page.keyboard.press('n');
    await expect.poll(position, WAIT).toBe('Highlight 3 of 3');
    // Scrolled into view.
    const inView = () =>
      page.evaluate(() => {
        const range = [...CSS.highlights.get('gloss-focus')!][0] as Range;
        const rect = range.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight;
      });
    await expect.poll(inView, WAIT).toBe(true);
    await page.keyboard.press('p');
    await expect.poll(position, WAIT).toBe('Highlight 2 of 3');
    await page.keyboard.press('Escape');
    await expect.poll(() => bar.count(), WAIT).toBe(0);
    await expect.poll(() => focusInGloss(page), WAIT).toBe(false);
    expect(await page.evaluate(() => getSelection()?.anchorNode?.parentElement?.textContent?.includes('identity theft') ?? false)).toBe(
      true,
    );
    await page.close();
  });

  it('says what to do when the highlight shortcut has no selection, and reuses the colour used last', async () => {
    const page = await open('storm-1152.html?case=shortcut-last-colour');
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await dispatchCommand(env.session, page, 'highlight-selection');
    const frame = await glossFrame(page);
    await frame
      .getByRole('status')
      .getByText(/Select some text in the page first, then press .+ again\./)
      .waitFor(WAIT);

    const quote = await highlighted(page, 'phishing attacks', 'identity theft');
    // Recolour it purple in the editor: purple becomes the colour used last.
    const point = (await page.evaluate(textCenterScript('identity theft'))) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    const editor = await glossEditor(page);
    await editor.getByRole('radio', { name: 'Purple' }).click();
    // The editor previews the colour in the page while it is open.
    await expect.poll(() => painted(page), WAIT).toMatchObject({ 'gloss-purple': [quote] });
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor.count(), WAIT).toBe(0);

    await page.bringToFront();
    const next = (await page.evaluate(selectTextScript('Microsoft obtained', 'court order'))) as string;
    await dispatchCommand(env.session, page, 'highlight-selection');
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-purple': expect.arrayContaining([quote, next]) });
    await page.close();
  });

  it('merges a selection that overlaps a highlight, keeping its note, only when asked', async () => {
    const page = await open('storm-1152.html?case=merge');
    await highlightText(page, 'Astonishingly, the group', 'staggering', 'Add note');
    const editor = await glossEditor(page);
    await editor.getByRole('textbox', { name: 'Note' }).fill('Kept through the merge.');
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(() => page.evaluate(DECORATIONS_SCRIPT), WAIT)
      .toMatchObject({ 'gloss-noted': ['Astonishingly, the group managed to generate a staggering'] });

    const quote = await selectForToolbar(page, 'generate a staggering', '750 million');
    expect(quote).toBe('generate a staggering 750 million');
    const frame = await glossFrame(page);
    // From the keyboard: Tab into the toolbar, ← round to its last button, Merge.
    await frame.getByRole('toolbar', { name: 'Gloss' }).getByRole('button', { name: 'Merge with the highlight' }).waitFor(WAIT);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Highlight');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedControl(frame), WAIT).toBe('Merge with the highlight');
    await page.keyboard.press('Enter');
    // The pointer goes to Undo at once, as a person's would: the notice stays while it is there, however
    // long the checks below take on a loaded machine (it closes itself only after its time unattended).
    const undo = frame.getByRole('status').getByRole('button', { name: 'Undo' });
    await hoverInGloss(frame, undo);
    const merged = 'Astonishingly, the group managed to generate a staggering 750 million';
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': [merged] });
    await expect.poll(() => page.evaluate(DECORATIONS_SCRIPT), WAIT).toMatchObject({ 'gloss-noted': [merged] });
    // Undo brings the two back apart.
    await clickInGloss(frame, undo);
    await expect.poll(() => painted(page), WAIT).toEqual({ 'gloss-yellow': ['Astonishingly, the group managed to generate a staggering'] });
    await page.close();
  });
});
