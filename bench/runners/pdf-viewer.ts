/**
 * `npm run bench -- --suite pdf-viewer`: Gloss's PDF viewer in headless Chromium with the production build,
 * on the long test PDF (harness/test-pdfs.ts: wikipedia-2 printed on 100+ A5 pages), or with `--pdf very-long`
 * the same article on 300+ A6 pages, served on 127.0.0.1.
 * Each of OPENS opens is a fresh tab at `pdf.html?file=<url>`; the times are the viewer's own performance
 * marks, from the tab's navigation start:
 *
 * - first page shown: page 1's canvas and text layer drawn (the page fetched, parsed in pdf.js's worker,
 *   laid out and drawn);
 * - full text read: every page's text read in the worker, which the find bar and the outline wait for;
 * - reported: the viewer has handed the background its analysis (text, outline, metadata, key);
 * - entities ready: the background answers `analyze-tab` for the viewer's tab (what the popup and side panel
 *   ask) with the entities over the whole text, asked from the viewer page every 20 ms once the text is read;
 * - the longest task on the viewer's thread meanwhile (Long Tasks API; none under 50 ms is listed), which
 *   says whether the viewer stayed responsive while the text was read.
 *
 * The first open is reported apart (cold: nothing compiled yet); the medians are over the warm opens.
 *
 * Then 200 highlights spread over the document (pdf.ts's) are stored through the viewer's own request, and
 * HIGHLIGHT_OPENS more opens time the viewer placing them: anchoring all 200 in the whole text and painting
 * those on the drawn pages (its `gloss-pdf-highlights-placed` measure), and when that is done after the
 * full text is read.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { launchChromiumWithGloss } from '../../harness/chromium';
import { startFixtureServer } from '../../harness/fixture-server';
import { median } from '../../harness/stats';
import { TEST_PDF_DIR, testPdf, type TestPdfName } from '../../harness/test-pdfs';
import { readPdfBytes } from '../../cli/pdf-loader';
import { highlightsOver } from './pdf';
import { ensureChromeBuild } from './wxt-build';

const OPENS = 11;
const HIGHLIGHT_OPENS = 5;

export interface StoredHighlightsRun {
  stored: number;
  anchored: number;
  /** The work on the viewer's thread: anchoring every highlight in the text, painting the drawn pages'. */
  placeMs: number;
  /** From the full text read to the highlights placed. */
  afterTextMs: number;
}

export interface PdfViewerOpen {
  /** The file downloaded (the viewer page's own scripts loaded before). */
  fetchedMs: number;
  /** pdf.js has parsed the document and page 1 (its worker started before). */
  openedMs: number;
  firstPageMs: number;
  fullTextMs: number;
  reportedMs: number;
  entitiesMs: number;
  entityCount: number;
  longestTaskMs: number;
}

export interface PdfViewerBenchResult {
  /** Which test PDF (harness/test-pdfs.ts). */
  name: TestPdfName;
  pages: number;
  bytes: number;
  chromium: string;
  cold: PdfViewerOpen;
  warm: PdfViewerOpen[];
  highlights: StoredHighlightsRun[];
}

const MARKS_SCRIPT = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  return { fetched: at('gloss-pdf-fetched'), opened: at('gloss-pdf-opened'), firstPage: at('gloss-pdf-first-page'), fullText: at('gloss-pdf-text-extracted'), reported: at('gloss-pdf-reported'), pages: document.querySelectorAll('.pdf-page').length };
})()`;

/** Asks the background about the viewer's own tab, as the popup does, until it answers with the entities. */
const ENTITIES_SCRIPT = `(async () => {
  const tab = await chrome.tabs.getCurrent();
  for (;;) {
    const reply = await chrome.runtime.sendMessage({ type: 'analyze-tab', tabId: tab.id });
    if (reply && reply.ok && reply.analysis.entities) return { at: performance.now(), count: reply.analysis.entities.entities.length };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
})()`;

export async function benchPdfViewer(rebuild = false, pdf: TestPdfName = 'long'): Promise<PdfViewerBenchResult> {
  const { dir } = await ensureChromeBuild('production', rebuild);
  const file = await testPdf(pdf);
  const [session, server] = await Promise.all([launchChromiumWithGloss({ extensionDir: dir }), startFixtureServer(TEST_PDF_DIR)]);
  try {
    const url = `chrome-extension://${session.extensionId}/pdf.html?file=${encodeURIComponent(server.url(path.basename(file)))}`;
    const opens: PdfViewerOpen[] = [];
    let pages = 0;
    for (let run = 0; run < OPENS; run++) {
      const page = await session.context.newPage();
      // Long tasks are only recorded while someone observes them: start before the viewer's script runs.
      await page.addInitScript(() => {
        const tasks: number[] = [];
        (globalThis as unknown as { glossLongTasks: number[] }).glossLongTasks = tasks;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(url);
      await page.waitForFunction(
        () =>
          performance.getEntriesByName('gloss-pdf-text-extracted').length > 0 &&
          performance.getEntriesByName('gloss-pdf-first-page').length > 0,
        undefined,
        { timeout: 120_000, polling: 100 },
      );
      const entities = (await page.evaluate(ENTITIES_SCRIPT)) as { at: number; count: number };
      const marks = (await page.evaluate(MARKS_SCRIPT)) as {
        fetched: number;
        opened: number;
        firstPage: number;
        fullText: number;
        reported: number;
        pages: number;
      };
      const tasks = (await page.evaluate(() => (globalThis as unknown as { glossLongTasks?: number[] }).glossLongTasks ?? null)) as
        number[] | null;
      if (tasks === null) throw new Error('the long-task observer did not run in the viewer page');
      pages = marks.pages;
      opens.push({
        fetchedMs: marks.fetched,
        openedMs: marks.opened,
        firstPageMs: marks.firstPage,
        fullTextMs: marks.fullText,
        reportedMs: marks.reported,
        entitiesMs: entities.at,
        entityCount: entities.count,
        longestTaskMs: Math.max(0, ...tasks),
      });
      await page.close();
    }
    const highlights = await timeStoredHighlights(session, url, server.url(path.basename(file)), file);
    return {
      name: pdf,
      highlights,
      pages,
      bytes: (await stat(file)).size,
      chromium: session.context.browser()?.version() ?? 'Chromium',
      cold: opens[0],
      warm: opens.slice(1),
    };
  } finally {
    await Promise.all([session.close(), server.close()]);
  }
}

/** Stores pdf.ts's 200 highlights on the PDF as the viewer does, then opens it HIGHLIGHT_OPENS times to time placing them. */
async function timeStoredHighlights(
  session: Awaited<ReturnType<typeof launchChromiumWithGloss>>,
  viewerUrl: string,
  address: string,
  file: string,
): Promise<StoredHighlightsRun[]> {
  const reading = await readPdfBytes(new Uint8Array(await readFile(file)), { url: address });
  const targets = highlightsOver(reading.text);
  const store = await session.context.newPage();
  await store.goto(viewerUrl);
  await store.evaluate(
    async ({ targets, documentKey, address }) => {
      for (const target of targets) {
        const reply = (await chrome.runtime.sendMessage({
          type: 'create-pdf-annotation',
          documentKey,
          address,
          target,
          color: 'yellow',
          page: { title: 'Benchmark', siteName: null },
        })) as { glossError?: string } | null;
        if (!reply || reply.glossError !== undefined) throw new Error(reply?.glossError ?? 'the highlight was not stored');
      }
    },
    { targets, documentKey: reading.documentKey, address },
  );
  await store.close();
  const runs: StoredHighlightsRun[] = [];
  for (let run = 0; run < HIGHLIGHT_OPENS; run++) {
    const page = await session.context.newPage();
    await page.goto(viewerUrl);
    await page.waitForFunction(() => performance.getEntriesByName('gloss-pdf-highlights-placed').length > 0, undefined, {
      timeout: 120_000,
      polling: 100,
    });
    const measured = (await page.evaluate(() => {
      const placed = performance.getEntriesByName('gloss-pdf-highlights-placed')[0] as PerformanceMeasure;
      const text = performance.getEntriesByName('gloss-pdf-text-extracted')[0];
      const detail = placed.detail as { count: number; anchored: number };
      return { ...detail, duration: placed.duration, end: placed.startTime + placed.duration, text: text?.startTime ?? 0 };
    })) as { count: number; anchored: number; duration: number; end: number; text: number };
    runs.push({
      stored: measured.count,
      anchored: measured.anchored,
      placeMs: measured.duration,
      afterTextMs: measured.end - measured.text,
    });
    await page.close();
  }
  return runs;
}

const ms = (value: number) => `${Math.round(value)} ms`;

const spread = (label: string, values: number[]) =>
  `| ${label} | ${ms(median(values))} | ${ms(Math.min(...values))}–${ms(Math.max(...values))} |`;

export function formatPdfViewer(result: PdfViewerBenchResult): string {
  const { warm, cold } = result;
  const row = (label: string, pick: (open: PdfViewerOpen) => number, aim: string) =>
    `| ${label} | ${ms(median(warm.map(pick)))} | ${ms(Math.min(...warm.map(pick)))}–${ms(Math.max(...warm.map(pick)))} | ${ms(pick(cold))} | ${aim} |`;
  return [
    `Gloss's PDF viewer on the ${result.name} test PDF (${result.pages} pages, ${(result.bytes / 1024 / 1024).toFixed(1)} MB), ` +
      `${warm.length} warm opens in a fresh tab each and one cold, in headless ${result.chromium}. Times from the tab's navigation start.`,
    '',
    '| | median (warm) | range (warm) | cold | aim |',
    '| --- | ---: | ---: | ---: | --- |',
    row('… PDF downloaded', (open) => open.fetchedMs, ''),
    row('… document and page 1 parsed', (open) => open.openedMs, ''),
    row('first page shown', (open) => open.firstPageMs, 'under 500 ms'),
    row('full text read (in the worker)', (open) => open.fullTextMs, 'with progress shown'),
    row('… analysis handed to the background', (open) => open.reportedMs, ''),
    row(`entities ready for the popup (${result.cold.entityCount} entities over the whole text)`, (open) => open.entitiesMs, ''),
    row("longest task on the viewer's thread", (open) => open.longestTaskMs, 'no freeze (0 = none over 50 ms)'),
    '',
    `${result.highlights[0]?.stored ?? 0} stored highlights (${result.highlights[0]?.anchored ?? 0} found again), ${result.highlights.length} opens:`,
    '',
    '| | median | range |',
    '| --- | ---: | ---: |',
    spread(
      'anchored in the whole text and painted on the drawn pages',
      result.highlights.map((run) => run.placeMs),
    ),
    spread(
      '… placed, after the full text was read',
      result.highlights.map((run) => run.afterTextMs),
    ),
    '',
  ].join('\n');
}
