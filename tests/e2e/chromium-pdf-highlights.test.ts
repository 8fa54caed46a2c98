import { copyFile, mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser-sessions';
import { dispatchCommand } from './support/chromium-gloss-ui';
import { usePdfServer, VIEWER_STATE_SCRIPT, type ViewerState } from './support/pdf-viewer';
import {
  dragEdgesScript,
  FROM_LINK,
  paintedCenterScript,
  PARTNER,
  PASSAGE,
  PDF_PAINTED_SCRIPT,
  SELECTION_SCRIPT,
  dragThroughLineGap,
  type DragEdges,
  type Painted,
} from './support/pdf-highlights';
import { useTestPdfs } from '../support/use-test-pdfs';
import { testPdf } from '../../harness/test-pdfs';

const env = useChromium();
useTestPdfs(['sample', 'links']);
// The same PDF from two addresses: two servers, two ports.
const first = usePdfServer();
const second = usePdfServer();

const painted = (page: Page) => page.evaluate(PDF_PAINTED_SCRIPT) as Promise<Painted>;
const words = (texts: string[] | undefined) => (texts ?? []).map((text) => text.replace(/\s+/g, ' ').trim());

/**
 * Opens a PDF in the viewer from `url` and waits until its text is read and, for a PDF with an outline (the
 * sample), the outline has settled the layout.
 */
async function openViewer(url: string, { outline = true } = {}): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(`chrome-extension://${env.session.extensionId}/pdf.html?file=${encodeURIComponent(url)}`);
  await page.locator('.pdf-page[data-page-number="1"][data-rendered] .textLayer span:not(.markedContent)').first().waitFor();
  await page.locator('.pdf-progress').waitFor({ state: 'detached', timeout: 60_000 });
  if (outline) await page.getByRole('navigation', { name: 'Outline' }).waitFor();
  return page;
}

const selectionOf = (page: Page) => page.evaluate(SELECTION_SCRIPT) as Promise<string>;

/** Selects from the first character of `from` to the last of `to` with a real mouse drag. */
async function dragSelect(page: Page, from: string, to: string): Promise<void> {
  const edges = (await page.evaluate(dragEdgesScript(from, to))) as DragEdges | null;
  expect(edges, `${from} … ${to} in the text layer`).not.toBeNull();
  await page.mouse.move(edges!.from.x, edges!.from.y);
  await page.mouse.down();
  await page.mouse.move(edges!.to.x, edges!.to.y, { steps: 8 });
  await page.mouse.up();
}

const toolbarOf = (page: Page): Locator => page.getByRole('toolbar', { name: 'Gloss' });
const editorOf = (page: Page): Locator => page.getByRole('dialog', { name: 'Edit highlight' });

describe('Chromium: highlights in Gloss’s PDF viewer', () => {
  it('highlights a passage selected with the mouse, keeps a note and tags, and shows it again after a reload and from another address', async () => {
    const url = await first.urlOf('sample');
    const page = await openViewer(url);
    await dragSelect(page, PASSAGE.from, PASSAGE.to);
    expect(await page.evaluate(() => getSelection()!.toString().replace(/\s+/g, ' '))).toBe(
      'Astonishingly, the group managed to generate a staggering 750 million',
    );

    // The same toolbar as on web pages, at the selection's end: one click on a colour highlights in it.
    const toolbar = toolbarOf(page);
    await toolbar.waitFor();
    expect(await toolbar.getByRole('button').allTextContents()).toEqual(expect.arrayContaining(['Highlight', 'Add note']));
    const toolbarBox = (await toolbar.boundingBox())!;
    expect(toolbarBox.y).toBeGreaterThan(((await page.evaluate(dragEdgesScript(PASSAGE.from, PASSAGE.to))) as DragEdges).to.y);
    await toolbar.getByRole('button', { name: 'Green' }).click();
    await expect
      .poll(async () => words((await painted(page))['gloss-green']))
      .toEqual(['Astonishingly, the group managed to generatea staggering 750 million']);
    await expect.poll(() => toolbar.count()).toBe(0);

    // A click on the highlight opens the editor, with the same names as on web pages.
    const center = (await page.evaluate(paintedCenterScript('gloss-green'))) as { x: number; y: number };
    await page.mouse.click(center.x, center.y);
    const editor = editorOf(page);
    await editor.waitFor();
    await expect.poll(() => editor.getByRole('radio', { name: 'Green' }).getAttribute('aria-checked')).toBe('true');
    await editor.getByRole('textbox', { name: 'Note' }).click();
    await page.keyboard.type('The headline figure.');
    await editor.getByRole('textbox', { name: 'Tags' }).click();
    await page.keyboard.type('storm-1152, fraud');
    // Ctrl+Enter saves and closes, as on web pages.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(async () => words((await painted(page))['gloss-noted'])).toHaveLength(1);

    // The popup for the viewer's tab lists it, with its note.
    const popup = await env.session.openPopupFor(page);
    const listed = popup.getByRole('region', { name: 'Highlights' });
    await expect.poll(() => listed.textContent(), { timeout: 30_000 }).toContain('Astonishingly, the group managed to generate');
    expect(await listed.textContent()).toContain('The headline figure.');
    await popup.close();
    await page.bringToFront();

    // After a reload it is back: painted in its colour, with its note and tags.
    await page.reload();
    await page.locator('.pdf-progress').waitFor({ state: 'detached', timeout: 60_000 });
    await expect
      .poll(async () => words((await painted(page))['gloss-green']), { timeout: 30_000 })
      .toEqual(['Astonishingly, the group managed to generatea staggering 750 million']);
    await page.getByRole('navigation', { name: 'Outline' }).waitFor();
    const again = (await page.evaluate(paintedCenterScript('gloss-green'))) as { x: number; y: number };
    await page.mouse.click(again.x, again.y);
    await editorOf(page).waitFor();
    expect(await editorOf(page).getByRole('textbox', { name: 'Note' }).inputValue()).toBe('The headline figure.');
    expect(await editorOf(page).getByRole('textbox', { name: 'Tags' }).inputValue()).toBe('storm-1152, fraud');
    await page.keyboard.press('Escape');
    await expect.poll(() => editorOf(page).count()).toBe(0);

    // The same file from another address (another port): the same highlight, found by the PDF's fingerprint.
    const mirror = await second.urlOf('sample');
    expect(new URL(mirror).port).not.toBe(new URL(url).port);
    const elsewhere = await openViewer(mirror);
    await expect
      .poll(async () => words((await painted(elsewhere))['gloss-green']), { timeout: 30_000 })
      .toEqual(['Astonishingly, the group managed to generatea staggering 750 million']);
    await elsewhere.close();
    await page.close();
  });

  it('works by keyboard: Tab into the toolbar, a digit picks the colour; Delete asks, and Undo brings it back', async () => {
    const page = await openViewer(await first.urlOf('sample'));
    await dragSelect(page, 'With this legal', 'Microsoft');
    await toolbarOf(page).waitFor();
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.gloss-pdf-ui')?.shadowRoot?.activeElement?.textContent ?? null))
      .toBe('Highlight');
    await page.keyboard.press('4');
    await expect.poll(async () => words((await painted(page))['gloss-pink'])).toEqual(['With this legal backing, Microsoft']);

    const center = (await page.evaluate(paintedCenterScript('gloss-pink'))) as { x: number; y: number };
    await page.mouse.click(center.x, center.y);
    const editor = editorOf(page);
    await editor.getByRole('button', { name: 'Delete', exact: true }).click();
    await editor.getByRole('button', { name: 'Delete highlight' }).click();
    await expect.poll(async () => (await painted(page))['gloss-pink'] ?? []).toEqual([]);
    const notice = page.getByRole('status').filter({ hasText: 'Highlight deleted.' });
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => words((await painted(page))['gloss-pink'])).toEqual(['With this legal backing, Microsoft']);

    // The shortcut highlights the selection (in the colour used last), as on web pages.
    await dragSelect(page, 'scheme that earned', 'revenue');
    await dispatchCommand(env.session, page, 'highlight-selection');
    await expect
      .poll(async () => words(Object.values(await painted(page)).flat()))
      .toContain('scheme that earned them millions of dollars in illicit revenue');
    // The step-through shortcut: "Highlight 1 of n" beside the first highlight in view, N and P move, Escape leaves.
    await dispatchCommand(env.session, page, 'step-highlights');
    const stepper = page.getByRole('toolbar', { name: 'Highlights on this page' });
    await stepper.waitFor();
    const position = () => stepper.getByRole('status').textContent();
    // The first test's highlight (the same PDF), the pink one and the one just made.
    await expect.poll(position).toMatch(/^Highlight [123] of 3$/);
    const before = await position();
    await page.keyboard.press('n');
    await expect.poll(position).not.toBe(before);
    await page.keyboard.press('p');
    await expect.poll(position).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => stepper.count()).toBe(0);
    await page.close();
  });
  it('reaches the library and its exports: the Markdown links back to the PDF’s page', async () => {
    const library = await env.session.context.newPage();
    await library.goto(`chrome-extension://${env.session.extensionId}/library.html`);
    const exportButton = library.getByRole('button', { name: /^Export Markdown of Microsoft Takes Down Cybercrime Group Storm-1152/ });
    await exportButton.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([library.waitForEvent('download'), exportButton.click()]);
    const markdown = readFileSync((await download.path())!, 'utf8');
    const url = await first.urlOf('sample');
    expect(markdown).toContain(`source: "${url}"`);
    expect(markdown).toContain('> Astonishingly, the group managed to generate');
    expect(markdown).toContain('The headline figure.');
    expect(markdown).toContain(`${url}#page=1`);
    await library.close();
  });

  it('shows the highlights made on the PDF from a web address on a local copy of the same file, chosen from the computer', async () => {
    const page = await openViewer(await first.urlOf('sample'));
    await dragSelect(page, 'a crucial court order', 'granted them');
    await toolbarOf(page).getByRole('button', { name: 'Purple' }).click();
    const passage = ['a crucial court order that granted them'];
    await expect.poll(async () => words((await painted(page))['gloss-purple'])).toEqual(passage);
    await page.close();

    // The same bytes under another name, in a folder of its own: found again by the document's fingerprint,
    // not by its name or address. (pdf.html?file= takes only http(s) addresses, so a local file comes in
    // through "Open a PDF file", as a person opens one.)
    const copy = path.join(await mkdtemp(path.join(tmpdir(), 'gloss-local-pdf-')), 'downloaded report (copy).pdf');
    await copyFile(await testPdf('sample'), copy);
    const local = await env.session.context.newPage();
    await local.goto(`chrome-extension://${env.session.extensionId}/pdf.html`);
    await local.getByLabel('Open a PDF file').first().setInputFiles(copy);
    await local.locator('.pdf-progress').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(async () => words((await painted(local))['gloss-purple']), { timeout: 30_000 }).toEqual(passage);
    // The first test's highlight, with its note, is there too.
    await expect
      .poll(async () => words((await painted(local))['gloss-green']))
      .toEqual(['Astonishingly, the group managed to generatea staggering 750 million']);

    // Its popup says it is a local file and lists both highlights.
    const popup = await env.session.openPopupFor(local);
    await expect.poll(() => popup.getByText(/^PDF, \d+ pages?, a local file$/).count(), { timeout: 20_000 }).toBe(1);
    const highlights = popup.getByRole('region', { name: 'Highlights' });
    await expect.poll(() => highlights.textContent()).toContain('a crucial court order that granted them');
    expect(await highlights.textContent()).toContain('The headline figure.');
    await popup.close();
    await local.close();
  });
  it('selects from a link’s words when a drag starts on the link, and highlights them; a click on the link still follows it', async () => {
    const page = await openViewer(await first.urlOf('links'), { outline: false });
    const link = page.getByRole('link', { name: FROM_LINK.from });
    await link.waitFor();
    await dragSelect(page, FROM_LINK.from, FROM_LINK.to);
    expect(await selectionOf(page)).toBe(FROM_LINK.selected);
    expect(((await page.evaluate(VIEWER_STATE_SCRIPT)) as ViewerState).pageNumber).toBe('1');
    await toolbarOf(page).getByRole('button', { name: 'Green' }).click();
    await expect.poll(async () => words((await painted(page))['gloss-green'])).toEqual([FROM_LINK.highlighted]);

    // The link's words are highlighted, and it is still a link: a click goes to its page and opens no editor.
    await link.click();
    await expect.poll(async () => ((await page.evaluate(VIEWER_STATE_SCRIPT)) as ViewerState).pageNumber).toBe('2');
    expect(await editorOf(page).count()).toBe(0);
    await page.close();
  });

  it('keeps a drag’s selection while the pointer crosses the gap between two lines', async () => {
    const page = await openViewer(await first.urlOf('sample'));
    const drag = await dragThroughLineGap(page);
    expect(drag.gapHasNoWord, 'the point between the lines is in a gap').toBe(true);
    expect(PASSAGE.selected.startsWith(drag.onTheLine) && drag.onTheLine.length > 3).toBe(true);
    // Without care the browser reads a gap as the layer's end or start: the selection jumps to the page's end, or empties.
    expect(drag.inTheGap).toBe(drag.onTheLine);
    expect(drag.atTheEnd).toBe(PASSAGE.selected);
    await page.close();
  });

  it('keeps the note and tags typed when the viewer reloads before Done', async () => {
    const page = await openViewer(await first.urlOf('sample'));
    await dragSelect(page, PARTNER.from, PARTNER.to);
    await toolbarOf(page).getByRole('button', { name: 'Blue' }).click();
    await expect.poll(async () => ((await painted(page))['gloss-blue'] ?? []).length).toBe(1);
    const center = (await page.evaluate(paintedCenterScript('gloss-blue'))) as { x: number; y: number };
    await page.mouse.click(center.x, center.y);
    const editor = editorOf(page);
    await editor.getByRole('textbox', { name: 'Note' }).fill(PARTNER.note);
    await editor.getByRole('textbox', { name: 'Tags' }).fill(PARTNER.tags);
    // No Done: the viewer reloads with the editor open, as after F5 (or the tab closing).
    await page.reload();
    await page.locator('.pdf-progress').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(async () => ((await painted(page))['gloss-blue'] ?? []).length, { timeout: 30_000 }).toBe(1);

    const popup = await env.session.openPopupFor(page);
    const item = popup.getByRole('region', { name: 'Highlights' }).getByRole('listitem').filter({ hasText: 'Octo Tempest' });
    await expect.poll(() => item.textContent(), { timeout: 30_000 }).toContain(PARTNER.note);
    expect(await item.textContent()).toContain('#octo-tempest');
    expect(await item.textContent()).toContain('#partners');
    await popup.close();
    await page.close();
  });
});
