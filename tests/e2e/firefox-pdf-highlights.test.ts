import type { ElementHandle, Page } from 'puppeteer-core';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPdf } from '../../harness/test-pdfs';
import { useFirefox } from './support/browser-sessions';
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

const env = useFirefox();
useTestPdfs(['sample', 'links']);
// The same PDF from two addresses: two servers, two ports.
const first = usePdfServer();
const second = usePdfServer();

const painted = (page: Page) => page.evaluate(PDF_PAINTED_SCRIPT) as Promise<Painted>;
const words = (texts: string[] | undefined) => (texts ?? []).map((text) => text.replace(/\s+/g, ' ').trim());
const QUOTE = 'Astonishingly, the group managed to generatea staggering 750 million';

/**
 * Waits until the viewer shows page 1's text, has read the whole text and, for a PDF with an outline (the
 * sample), shows the outline (the layout has settled).
 */
async function settled(page: Page, { outline = true } = {}): Promise<void> {
  await page.waitForFunction(
    (withOutline) =>
      document.querySelector('.pdf-page[data-page-number="1"][data-rendered] .textLayer span') &&
      !document.querySelector('.pdf-progress') &&
      (!withOutline || document.querySelector('nav[aria-label="Outline"]')),
    { timeout: 60_000 },
    outline,
  );
}

/**
 * Opens Gloss's viewer on `file` in a new tab. BiDi cannot open moz-extension:// pages itself: a Gloss page
 * (the popup, opened by the e2e build for an article) opens the tab, and the test finds it by its address.
 */
async function openViewer(file: string, { outline = true } = {}): Promise<{ viewer: Page; popup: Page; tabId: number }> {
  const { page: article, popup } = await env.session.openWithPopup(env.server.url('storm-1152.html'));
  const known = new Set(await env.session.browser.pages());
  const tabId = await popup.evaluate(async (address) => {
    const api = (
      globalThis as unknown as {
        browser: { tabs: { create: (o: object) => Promise<{ id?: number }> }; runtime: { getURL: (p: string) => string } };
      }
    ).browser;
    return (await api.tabs.create({ url: `${api.runtime.getURL('/pdf.html')}?file=${encodeURIComponent(address)}` })).id ?? -1;
  }, file);
  const viewer = await newViewerTab(known);
  await article.close();
  // pdf.js draws pages in animation frames, which a background tab does not get.
  await viewer.bringToFront();
  await settled(viewer, { outline });
  return { viewer, popup, tabId };
}

/** The viewer's tab once it has opened: the first page not among `known` whose address is the viewer's. */
async function newViewerTab(known: ReadonlySet<Page>): Promise<Page> {
  for (let tries = 0; tries < 100; tries++) {
    for (const candidate of await env.session.browser.pages()) {
      if (known.has(candidate)) continue;
      const href = await candidate.evaluate(() => location.href).catch(() => '');
      if (href.includes('/pdf.html?file=')) return candidate;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the viewer did not open');
}

async function dragSelect(page: Page, from: string, to: string): Promise<void> {
  const edges = (await page.evaluate(dragEdgesScript(from, to))) as DragEdges | null;
  expect(edges, `${from} … ${to} in the text layer`).not.toBeNull();
  await page.mouse.move(edges!.from.x, edges!.from.y);
  await page.mouse.down();
  await page.mouse.move(edges!.to.x, edges!.to.y, { steps: 8 });
  await page.mouse.up();
}

/** The control of the viewer's highlight UI (in its open shadow root) whose accessible name is `name`; waits for it. */
async function control(page: Page, name: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (label) =>
      [...(document.querySelector('.gloss-pdf-ui')?.shadowRoot?.querySelectorAll('button, [role="radio"], textarea, input') ?? [])].find(
        (element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === label,
      ) ?? false,
    { timeout: 15_000 },
    name,
  );
  return handle as ElementHandle<Element>;
}

/** The roles and names of the panel shown (toolbar, dialog), or null. */
const panelOf = (page: Page) =>
  page.evaluate(() => {
    const panel = document.querySelector('.gloss-pdf-ui')?.shadowRoot?.querySelector('.panel');
    return panel ? `${panel.getAttribute('role')}: ${panel.getAttribute('aria-label') ?? ''}` : null;
  });

const selectionOf = (page: Page) => page.evaluate(SELECTION_SCRIPT) as Promise<string>;
const pageNumberOf = async (page: Page) => ((await page.evaluate(VIEWER_STATE_SCRIPT)) as ViewerState).pageNumber;

async function clickPainted(page: Page, name: string): Promise<void> {
  const point = (await page.evaluate(paintedCenterScript(name))) as { x: number; y: number } | null;
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

describe('Firefox: highlights in Gloss’s PDF viewer', () => {
  it('highlights a passage selected with the mouse, keeps a note and tags, and shows it again after a reload and from another address', async () => {
    const url = await first.urlOf('sample');
    const { viewer: page, popup, tabId } = await openViewer(url);
    await dragSelect(page, PASSAGE.from, PASSAGE.to);
    await expect.poll(() => panelOf(page)).toBe('toolbar: Gloss');
    await (await control(page, 'Green')).click();
    await expect.poll(async () => words((await painted(page))['gloss-green'])).toEqual([QUOTE]);

    await clickPainted(page, 'gloss-green');
    await expect.poll(() => panelOf(page)).toBe('dialog: Edit highlight');
    await (await control(page, 'Note')).click();
    await page.keyboard.type('The headline figure.');
    await (await control(page, 'Tags')).click();
    await page.keyboard.type('storm-1152, fraud');
    await (await control(page, 'Done')).click();
    await expect.poll(() => panelOf(page)).toBeNull();
    await expect.poll(async () => words((await painted(page))['gloss-noted'])).toEqual([QUOTE]);

    await page.evaluate(() => location.reload());
    await settled(page);
    await expect.poll(async () => words((await painted(page))['gloss-green']), { timeout: 30_000 }).toEqual([QUOTE]);
    await clickPainted(page, 'gloss-green');
    expect(await (await control(page, 'Note')).evaluate((field) => (field as HTMLTextAreaElement).value)).toBe('The headline figure.');
    expect(await (await control(page, 'Tags')).evaluate((field) => (field as HTMLInputElement).value)).toBe('storm-1152, fraud');
    await page.keyboard.press('Escape');
    await expect.poll(() => panelOf(page)).toBeNull();

    // The same file from another address (another port): the same highlight, found by the PDF's fingerprint.
    const mirror = await second.urlOf('sample');
    expect(new URL(mirror).port).not.toBe(new URL(url).port);
    await page.evaluate(
      (search) => {
        location.search = search;
      },
      `?file=${encodeURIComponent(mirror)}`,
    );
    await settled(page);
    expect(await page.evaluate(() => location.search)).toContain(encodeURIComponent(mirror));
    await expect.poll(async () => words((await painted(page))['gloss-green']), { timeout: 30_000 }).toEqual([QUOTE]);

    // The popup for the viewer's tab lists the highlight, with its note.
    await popup.evaluate((id) => {
      location.search = `?tab=${id}`;
    }, tabId);
    // The region named "Highlights" (by its heading, aria-labelledby).
    const listed = () =>
      popup.evaluate(
        () => document.getElementById('highlights-title')?.closest('section[aria-labelledby="highlights-title"]')?.textContent ?? '',
      );
    await expect.poll(listed, { timeout: 30_000 }).toContain('Astonishingly, the group managed to generate');
    expect(await listed()).toContain('The headline figure.');
    await popup.close();
    await page.close();
  });

  it('shows them on a local copy of the same file, chosen with "Open a PDF file"', async () => {
    const { viewer: page, popup, tabId } = await openViewer(await first.urlOf('sample'));
    // The same bytes under another name, in a folder of its own: found again by the document's fingerprint.
    const copy = path.join(await mkdtemp(path.join(tmpdir(), 'gloss-local-pdf-')), 'downloaded report (copy).pdf');
    await copyFile(await testPdf('sample'), copy);
    const input = await page.$('input[type="file"]');
    await input!.uploadFile(copy);
    // A local file leaves no address in the viewer's own.
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 30_000 }).toBe('');
    await settled(page);
    await expect.poll(async () => words((await painted(page))['gloss-green']), { timeout: 30_000 }).toEqual([QUOTE]);

    await popup.evaluate((id) => {
      location.search = `?tab=${id}`;
    }, tabId);
    await expect
      .poll(() => popup.evaluate(() => document.querySelector('.pdf-facts')?.textContent ?? ''), { timeout: 30_000 })
      .toMatch(/, a local file$/);
    // The viewer has read the local copy by now (the popup shows its analysis), and paints the highlight on it.
    expect(words((await painted(page))['gloss-green'])).toEqual([QUOTE]);
    await popup.close();
    await page.close();
  });
  it('selects from a link’s words when a drag starts on the link, and highlights them; a click on the link still follows it', async () => {
    const { viewer: page, popup } = await openViewer(await first.urlOf('links'), { outline: false });
    const link = `.pdf-links a[aria-label="${FROM_LINK.from}"]`;
    await page.waitForSelector(link);
    await dragSelect(page, FROM_LINK.from, FROM_LINK.to);
    expect(await selectionOf(page)).toBe(FROM_LINK.selected);
    expect(await pageNumberOf(page)).toBe('1');
    await expect.poll(() => panelOf(page)).toBe('toolbar: Gloss');
    await (await control(page, 'Green')).click();
    await expect.poll(async () => words((await painted(page))['gloss-green'])).toEqual([FROM_LINK.highlighted]);

    // The link's words are highlighted, and it is still a link: a click goes to its page and opens no editor.
    await page.click(link);
    await expect.poll(() => pageNumberOf(page)).toBe('2');
    expect(await panelOf(page)).toBeNull();
    await popup.close();
    await page.close();
  });

  it('keeps a drag’s selection while the pointer crosses the gap between two lines', async () => {
    const { viewer: page, popup } = await openViewer(await first.urlOf('sample'));
    const drag = await dragThroughLineGap(page);
    expect(drag.gapHasNoWord, 'the point between the lines is in a gap').toBe(true);
    expect(PASSAGE.selected.startsWith(drag.onTheLine) && drag.onTheLine.length > 3).toBe(true);
    // Without care the browser reads a gap as the layer's end or start: the selection jumps to the page's end, or empties.
    expect(drag.inTheGap).toBe(drag.onTheLine);
    expect(drag.atTheEnd).toBe(PASSAGE.selected);
    await popup.close();
    await page.close();
  });

  it('keeps the note and tags typed when the viewer reloads before Done', async () => {
    const { viewer: page, popup, tabId } = await openViewer(await first.urlOf('sample'));
    await dragSelect(page, PARTNER.from, PARTNER.to);
    await expect.poll(() => panelOf(page)).toBe('toolbar: Gloss');
    await (await control(page, 'Blue')).click();
    await expect.poll(async () => ((await painted(page))['gloss-blue'] ?? []).length).toBe(1);
    await clickPainted(page, 'gloss-blue');
    await (await control(page, 'Note')).click();
    await page.keyboard.type(PARTNER.note);
    await (await control(page, 'Tags')).click();
    await page.keyboard.type(PARTNER.tags);
    // No Done: the viewer reloads with the editor open, as after F5 (or the tab closing).
    await page.evaluate(() => location.reload());
    await settled(page);
    await expect.poll(async () => ((await painted(page))['gloss-blue'] ?? []).length, { timeout: 30_000 }).toBe(1);

    await popup.evaluate((id) => {
      location.search = `?tab=${id}`;
    }, tabId);
    const items = () => popup.evaluate(() => [...document.querySelectorAll('.highlight-list > li')].map((li) => li.textContent ?? ''));
    const partner = async () => (await items()).find((text) => text.includes('Octo Tempest')) ?? '';
    await expect.poll(partner, { timeout: 30_000 }).toContain(PARTNER.note);
    expect(await partner()).toContain('#octo-tempest');
    expect(await partner()).toContain('#partners');
    await popup.close();
    await page.close();
  });
});
