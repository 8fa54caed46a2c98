/**
 * `npm run bench -- --suite library`, the browser part: the library page in headless Chromium with the
 * extension (the bench build, whose library page is the production code), over the generated library
 * stored in its IndexedDB the way a user would put it there: by importing the backup through the page.
 *
 * - Import: from the file input's change event to the "Imported" status painted, to the first page card
 *   painted (the library read again), and to the main thread being free (no long task for a while).
 * - First paint: navigation start to the first page card painted, over reloads and fresh tabs; with when
 *   IndexedDB handed over the highlights, and when the main thread was free again (prepareSearch runs in a
 *   timeout after the first paint; until it ends a keystroke waits).
 * - Typing: the bench queries of library-search.ts, one key at a time (Playwright keyboard), each key
 *   waited out (results painted) plus a short pause, as a quick typist types.
 * - Exports of everything (nothing typed, no filter): from the click to Playwright's download event and
 *   to the file complete on disk; in the page, from the click to the "Saved" status painted.
 * - Update vault of everything into an origin-private folder (library-vault.ts).
 *
 * The in-page instruments are in library-probe.ts; every time is read from the page's clock except the
 * download times, which are Node's (the download ends outside the page).
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { launchChromiumWithGloss, type ChromiumSession } from '../../harness/chromium';
import type { SearchFilters } from '../../lib/library/search';
import { LIBRARY_PROBE } from './library-probe';
import { LIBRARY_QUERIES } from './library-search';
import { vaultRuns, type VaultTiming } from './library-vault';
import { ensureChromeBuild } from './wxt-build';

const WAIT_MS = 180_000;
/** Pause after each key's results are painted: a quick typist's rhythm, and room for after-paint work. */
const KEY_GAP_MS = 60;
/** The main thread counts as free once no long task has run for this long. */
const QUIET_MS = 1_000;

export interface PaintTimes {
  seen: number;
  painted: number;
}

export interface ImportTiming {
  /** Milliseconds after the file input's change event. */
  imported: PaintTimes;
  listed: PaintTimes;
  settled: number;
  /** The import's read-write transaction (every table), from its start to its completion. */
  write: { start: number; end: number } | null;
  /** Reads of every highlight (getAll on the annotations store) after the import, and how long each took. */
  readsMs: number[];
  status: string;
}

export interface LoadTiming {
  how: 'reload' | 'new tab';
  /** Milliseconds from navigation start. */
  firstCard: PaintTimes;
  /** The list with its highlights (counts shown): after every highlight is read and indexed. */
  highlightsListed: PaintTimes;
  firstContentfulPaint: number | null;
  readStart: number | null;
  readEnd: number | null;
  /** End of the last long task after the first card, once the page is quiet. */
  mainThreadFree: number;
}

export interface KeyTiming {
  query: string;
  filters?: SearchFilters;
  value: string;
  /** From the keydown's timestamp. */
  handledMs: number;
  paintedMs: number;
}

export interface ExportTiming {
  format: 'markdown' | 'json' | 'stix';
  fileName: string;
  /** Node's clock, from the click. */
  downloadEventMs: number;
  completeMs: number;
  /** The page's clock: the click event to the "Saved" status painted. */
  madeMs: number;
  bytes: number;
  files?: number;
  /** The status line when the export failed (no download then). */
  failed?: string;
}

export interface LibraryBrowserResult {
  chromium: string;
  backupBytes: number;
  importing: ImportTiming;
  loads: LoadTiming[];
  keys: KeyTiming[];
  typingRounds: number;
  exports: ExportTiming[];
  vault: VaultTiming[];
}

declare global {
  interface Window {
    __glossLibraryBench: {
      watch: (name: string, selector: string, pattern?: string) => void;
      result: (name: string, timeoutMs: number) => Promise<{ seen: number; painted: number; text: string } | null>;
      keyPainted: (index: number) => Promise<{ value: string; down: number; handled: number; painted: number }>;
      keys: unknown[];
      longTasks: { start: number; end: number }[];
      reads: { store: string; start: number; end: number; count: number }[];
      writes: { stores: number; start: number; end: number | null }[];
      clicks: { time: number; label: string }[];
      fileChosen: number | null;
    };
  }
}

async function watched(page: Page, name: string): Promise<PaintTimes & { text: string }> {
  const result = await page.evaluate(({ name, ms }) => window.__glossLibraryBench.result(name, ms), { name, ms: WAIT_MS });
  if (!result) throw new Error(`library: ${name} did not happen within ${WAIT_MS / 1000} s`);
  return result;
}

/** Waits until no long task has run for QUIET_MS; returns when the last one ended (or `since`). */
async function mainThreadFree(page: Page, since: number): Promise<number> {
  for (const giveUp = performance.now() + WAIT_MS; ;) {
    if (performance.now() > giveUp) throw new Error(`library: the page was still busy after ${WAIT_MS / 1000} s`);
    const { last, now } = await page.evaluate(() => ({
      last: window.__glossLibraryBench.longTasks.reduce((end, task) => Math.max(end, task.end), 0),
      now: performance.now(),
    }));
    if (now - Math.max(last, since) >= QUIET_MS) return Math.max(last, since);
    await page.waitForTimeout(200);
  }
}

async function importBackup(page: Page, file: string): Promise<ImportTiming> {
  await page.getByText('Nothing saved yet').waitFor({ timeout: WAIT_MS });
  await page.evaluate(() => {
    window.__glossLibraryBench.watch('imported', '.status-line', '^Imported');
    window.__glossLibraryBench.watch('listed', '.page-card');
  });
  await page.getByLabel('Import backup').setInputFiles(file);
  const imported = await watched(page, 'imported');
  const listed = await watched(page, 'listed');
  const chosen = (await page.evaluate(() => window.__glossLibraryBench.fileChosen))!;
  const settled = await mainThreadFree(page, listed.painted);
  const { reads, writes } = await page.evaluate(() => ({
    reads: window.__glossLibraryBench.reads,
    writes: window.__glossLibraryBench.writes,
  }));
  // importSnapshot's transaction is the one over every table.
  const write = writes.filter((w) => w.start > chosen && w.end !== null).sort((a, b) => b.stores - a.stores)[0];
  const after = (times: PaintTimes): PaintTimes => ({ seen: times.seen - chosen, painted: times.painted - chosen });
  return {
    imported: after(imported),
    listed: after(listed),
    settled: settled - chosen,
    status: imported.text,
    write: write ? { start: write.start - chosen, end: write.end! - chosen } : null,
    readsMs: reads.filter((r) => r.store === 'annotations' && r.start > chosen && r.count > 0).map((r) => r.end - r.start),
  };
}

async function loadTimes(page: Page, how: LoadTiming['how']): Promise<LoadTiming> {
  const firstCard = await watched(page, 'firstCard');
  const highlightsListed = await watched(page, 'highlightsListed');
  const free = await mainThreadFree(page, highlightsListed.painted);
  const { fcp, read } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    read: window.__glossLibraryBench.reads.find((r) => r.store === 'annotations') ?? null,
  }));
  return {
    how,
    firstCard: { seen: firstCard.seen, painted: firstCard.painted },
    firstContentfulPaint: fcp,
    highlightsListed: { seen: highlightsListed.seen, painted: highlightsListed.painted },
    readStart: read?.start ?? null,
    readEnd: read?.end ?? null,
    mainThreadFree: free,
  };
}

async function firstPaints(session: ChromiumSession, page: Page, url: string, opens: number): Promise<LoadTiming[]> {
  const loads: LoadTiming[] = [];
  for (let i = 0; i < opens; i++) {
    await page.reload();
    loads.push(await loadTimes(page, 'reload'));
    const tab = await session.context.newPage();
    await tab.goto(url);
    loads.push(await loadTimes(tab, 'new tab'));
    await tab.close();
  }
  return loads;
}

async function setFilters(page: Page, filters: SearchFilters | undefined): Promise<void> {
  if (filters?.color) await page.getByLabel('Colour', { exact: true }).selectOption(filters.color);
  if (filters?.actor) await page.getByLabel('Threat actor', { exact: true }).selectOption(filters.actor);
  if (filters?.tag) await page.getByLabel('Tag', { exact: true }).selectOption(filters.tag);
  if (filters?.site) await page.getByLabel('Site', { exact: true }).selectOption(filters.site);
}

async function clearSearch(page: Page): Promise<void> {
  const clear = page.getByRole('button', { name: 'Clear search and filters' });
  if (await clear.count()) await clear.click();
  await page.waitForTimeout(300);
}

async function typeQueries(page: Page, rounds: number): Promise<KeyTiming[]> {
  const keys: KeyTiming[] = [];
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (let round = 0; round < rounds; round++) {
    for (const { query, filters } of LIBRARY_QUERIES) {
      await setFilters(page, filters);
      await search.focus();
      for (const char of query) {
        const index = await page.evaluate(() => window.__glossLibraryBench.keys.length);
        await page.keyboard.type(char);
        const key = await page.evaluate((i) => window.__glossLibraryBench.keyPainted(i), index);
        keys.push({ query, filters, value: key.value, handledMs: key.handled - key.down, paintedMs: key.painted - key.down });
        await page.waitForTimeout(KEY_GAP_MS);
      }
      await clearSearch(page);
    }
    console.error(`library browser: typing round ${round + 1} of ${rounds} done`);
  }
  return keys;
}

const EXPORT_BUTTONS = { markdown: 'Export Markdown', json: 'Export JSON', stix: 'Export STIX' } as const;

async function exportEverything(page: Page, format: ExportTiming['format']): Promise<ExportTiming> {
  const button = page.getByRole('button', { name: EXPORT_BUTTONS[format], exact: true });
  await button.waitFor();
  await page.evaluate(() => window.__glossLibraryBench.watch('export', '.status-line', '^(Saved|Export failed)'));
  const start = performance.now();
  // A failed export never downloads: this wait then ends with the browser, and is dropped.
  const downloading = page.waitForEvent('download', { timeout: WAIT_MS }).then((download) => ({ download, at: performance.now() - start }));
  downloading.catch(() => undefined);
  await button.click();
  const status = await watched(page, 'export');
  const clicked = await page.evaluate(() => window.__glossLibraryBench.clicks.at(-1)!);
  if (clicked.label !== EXPORT_BUTTONS[format])
    throw new Error(`library: the last click was on ${clicked.label}, not ${EXPORT_BUTTONS[format]}`);
  const made = { format, madeMs: status.painted - clicked.time };
  if (!status.text.startsWith('Saved')) {
    await mainThreadFree(page, status.painted);
    return { ...made, failed: status.text, fileName: '', downloadEventMs: NaN, completeMs: NaN, bytes: 0 };
  }
  const { download, at } = await downloading;
  const file = await download.path();
  const completeMs = performance.now() - start;
  const { size } = await stat(file);
  const files = format === 'markdown' ? Object.keys(unzipSync(await readFile(file))).length : undefined;
  await download.delete();
  await mainThreadFree(page, status.painted);
  return { ...made, fileName: download.suggestedFilename(), downloadEventMs: at, completeMs, bytes: size, files };
}

/** `runs` exports of everything in `format`, stopping at a failure: it fails the same way each time. */
async function exportRuns(page: Page, format: ExportTiming['format'], runs: number): Promise<ExportTiming[]> {
  const timings: ExportTiming[] = [];
  while (timings.length < runs && !timings.at(-1)?.failed) timings.push(await exportEverything(page, format));
  const last = timings.at(-1)!;
  console.error(`library browser: ${format} export ${last.failed ? `failed: ${last.failed}` : `done in ${last.completeMs.toFixed(0)} ms`}`);
  return timings;
}

/** Imports `backup` into a fresh profile through the library page, then times its first paint, typing and exports. */
export async function benchLibraryBrowser(
  backup: string,
  options: { opens: number; typingRounds: number; exportRuns: number; rebuild: boolean },
): Promise<LibraryBrowserResult> {
  const { dir } = await ensureChromeBuild('bench', options.rebuild);
  const file = path.join(os.tmpdir(), `gloss-bench-backup-${process.pid}.json`);
  await writeFile(file, backup);
  const session = await launchChromiumWithGloss({ extensionDir: dir });
  try {
    await session.context.addInitScript(LIBRARY_PROBE);
    const url = `chrome-extension://${session.extensionId}/library.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const cdp = await session.context.newCDPSession(page);
    const chromium = (await cdp.send('Browser.getVersion')).product.replace(/^.*\//, '');
    const importing = await importBackup(page, file);
    console.error(
      `library browser: imported in ${importing.imported.painted.toFixed(0)} ms, listed at ${importing.listed.painted.toFixed(0)} ms`,
    );
    const loads = await firstPaints(session, page, url, options.opens);
    console.error(`library browser: ${loads.length} first paints done`);
    await page.reload();
    await loadTimes(page, 'reload');
    const keys = await typeQueries(page, options.typingRounds);
    const exports: ExportTiming[] = [];
    for (const format of ['markdown', 'json', 'stix'] as const) exports.push(...(await exportRuns(page, format, options.exportRuns)));
    const vault = await vaultRuns(page);
    return { chromium, backupBytes: Buffer.byteLength(backup), importing, loads, keys, typingRounds: options.typingRounds, exports, vault };
  } finally {
    await session.close();
    await rm(file, { force: true });
  }
}
