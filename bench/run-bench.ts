/**
 * `npm run bench`: Gloss's benchmarks in headless Chromium, printed as Markdown and written to bench-output/.
 *
 *   npm run bench -- [--suite extraction|anchoring|content-script|in-page-ui|entities|library|hostile|popup-highlights|sync|pdf|pdf-viewer|all] [--runs 15]
 *                    [--warmups 10] [--ms 600] [--phases] [--only wiki] [--loads 20] [--launches 3] [--opens 15]
 *                    [--rebuild] [--pages 5000] [--highlights 100000] [--rounds 20] [--baseline <git ref>]
 *                    [--scan-baseline <git ref>] (the entity scanner to compare against; default main)
 *                    [--pdf long|very-long] (the PDF the pdf-viewer suite opens: 100+ or 300+ pages; default long)
 *                    [--popup-baseline <git ref>] (the build whose popup the entities popup is compared with;
 *                    default the last commit that built the scanner from the records)
 *
 * - extraction (bench-output/extraction.md): extractArticle against bare Readability on the sample article
 *   and the real pages; --only picks pages by name, --phases adds a table of extractArticle's steps.
 * - anchoring (bench-output/anchoring.md): re-anchoring 1,000 highlights on wikipedia-2, unchanged and
 *   after changes that force the slower paths, against a bare indexOf per quote.
 * - content-script (bench-output/content-script.md): the size of the always-on content script, and its
 *   main-thread work on pages without highlights over --loads page loads each (builds with `npx wxt build`
 *   when the build is missing or older than the sources, or always with --rebuild).
 * - in-page-ui (bench-output/in-page-ui.md): how soon the selection toolbar (first on a page, over up to 10
 *   of --loads page loads, and later) and the note editor appear after the trusted mouse-up or click, with
 *   the production build against a build of --baseline (by default the last commit with the shadow-root UI,
 *   built once in a git worktree under the temporary folder), alternating, --rounds rounds.
 * - entities (bench-output/entities.md): entity scan throughput over the article texts in Node, against one
 *   regular expression of all dictionary names; the scanner's time per MB against --scan-baseline's; where a
 *   fresh background's time to its first entities goes (fresh Node processes, before and after the compiled
 *   index); then, in Chromium with the extension (bench build, made as for content-script), the time from
 *   opening the popup to its entities shown, this build against --popup-baseline's: --launches cold opens (a
 *   fresh browser each, with the service worker running or stopped) and --opens warm ones per page.
 * - library (bench-output/library.md): the library page over a generated library of --pages pages and
 *   --highlights highlights. In Node: index build and search per keystroke, writing and parsing the JSON
 *   backup, Markdown and STIX exports of everything. In Chromium with the extension (bench build, made as
 *   for content-script), the backup imported through the page into a fresh profile, then first paint over
 *   reloads and new tabs, search as you type, exports of everything to the downloaded file, and Update vault
 *   of everything into an origin-private folder (new notes, unchanged, after the reader's edits). About six
 *   minutes; its own fixed run counts, not --runs.
 * - hostile (bench-output/hostile.md): 200,000-character hostile texts (tests/support/hostile-text.ts) against
 *   the same length of a real article, in Node: the background's entity scan and `gloss analyze`, with the
 *   ratio per generator (aim: at most 2×). Its own fixed run counts, not --runs.
 * - popup-highlights (bench-output/popup-highlights.md): how soon the popup lists a page's highlights, opened
 *   for a tab behind the one in front (as the end-to-end tests open it), in Chromium and Firefox ESR, this
 *   checkout against --baseline (default: the commit before the popup stopped waiting for animation frames),
 *   --opens opens each, alternating. Builds Firefox's e2e build of the baseline too; run `npm run build:e2e` first.
 *
 * - sync (bench-output/sync.md): the sync engine and WebDAV client in Node against a real Apache with mod_dav
 *   (installed by `npm test`'s pretest step): the first sync of --highlights highlights on --pages pages (upload,
 *   and download to a fresh device), one changed note sent and received (median of 15 rounds), folding into a
 *   snapshot, and the bytes on the server per highlight.
 * - pdf (bench-output/pdf.md): the long test PDF (100+ pages, printed by Chromium from wikipedia-2) in Node:
 *   opening it, its first page's text, its full text against pdf.js's own text extraction, the entity scan
 *   over it, and re-anchoring 200 highlights against a bare indexOf. Its own fixed run count, not --runs.
 * - pdf-viewer (bench-output/pdf-viewer.md): Gloss's PDF viewer in Chromium with the production build (made as
 *   for content-script) on the same PDF: first page shown and full text read, from the tab's navigation start,
 *   and the longest task on the viewer's thread meanwhile; 10 warm opens and a cold one.
 *
 * In-page timings get at least --warmups warm-up rounds (and 300 ms of them), then at least --runs measured
 * rounds and --ms milliseconds of them, capped at 400 rounds; the tables show the medians. This is a
 * benchmark, not a test: it never fails on slow numbers, it only reports them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Budget } from './budget';
import { startFixtureServer, type FixtureServer } from '../harness/fixture-server';
import { FIXTURES_DIR, PROJECT_ROOT } from '../harness/paths';
import { benchAnchoring, formatAnchoring } from './runners/anchoring';
import { launchBenchBrowser, type BenchBrowser } from './runners/browser';
import { formatContentScriptSize, measureContentScriptSize } from './runners/content-script-size';
import { benchColdParts, formatColdParts } from './runners/entity-cold-parts';
import { BEFORE_COMPILED_INDEX_COMMIT, benchEntityPopup, formatEntityPopup } from './runners/entity-popup';
import { baselineCheckout } from './runners/baseline-build';
import { compileEntityIndex } from '../lib/entities/compiled/compile-entity-index';
import { loadEntityData } from '../lib/entities/shipped-data';
import { articleTexts, benchEntityScan, formatEntityScan } from './runners/entity-scan';
import { benchScanVersus, formatScanVersus } from './runners/entity-scan-versus';
import { benchExtraction, SAMPLE_ARTICLE } from './runners/extraction';
import { benchHighlightsPopup, BEFORE_POPUP_FIX_COMMIT, formatHighlightsPopup } from './runners/highlights-popup';
import { benchHostile, formatHostile } from './runners/hostile';
import { benchIdleCost, formatIdleCost } from './runners/idle-cost';
import { benchInPageUi, formatInPageUi, SHADOW_ROOT_UI_COMMIT } from './runners/in-page-ui';
import { generateLibrary } from './runners/library-data';
import { benchLibraryBrowser } from './runners/library-browser';
import { benchLibraryFiles } from './runners/library-files';
import { formatLibrary } from './runners/library-report';
import { benchLibrarySearch } from './runners/library-search';
import { benchPdf, formatPdf } from './runners/pdf';
import { benchPdfViewer, formatPdfViewer } from './runners/pdf-viewer';
import type { TestPdfName } from '../harness/test-pdfs';
import { benchSync, formatSync } from './runners/sync';
import { formatMachine, formatPhases, formatReport, type Machine } from './runners/report';

const SUITES = [
  'extraction',
  'anchoring',
  'content-script',
  'in-page-ui',
  'entities',
  'library',
  'hostile',
  'popup-highlights',
  'sync',
  'pdf',
  'pdf-viewer',
] as const;
type Suite = (typeof SUITES)[number];
const TARGET = { page: SAMPLE_ARTICLE.replace('.html', ''), maxRatio: 1.3, maxMs: 30 };
const OUTPUT_DIR = path.join(PROJECT_ROOT, 'bench-output');

// Each page is a fresh V8 context, so the code tiers up again on every page: with 3 warm-ups the first
// runs were still up to 3x slower than the steady state (storm-1152: 4.3 ms cold against 1.4 ms warm),
// hence the warm-up by time as well as by count.
const { values: options } = parseArgs({
  options: {
    suite: { type: 'string', default: 'all' },
    runs: { type: 'string', default: '15' },
    warmups: { type: 'string', default: '10' },
    ms: { type: 'string', default: '600' },
    phases: { type: 'boolean', default: false },
    only: { type: 'string' },
    loads: { type: 'string', default: '20' },
    launches: { type: 'string', default: '3' },
    opens: { type: 'string', default: '15' },
    rebuild: { type: 'boolean', default: false },
    pages: { type: 'string', default: '5000' },
    highlights: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '20' },
    baseline: { type: 'string' },
    'scan-baseline': { type: 'string', default: 'main' },
    'popup-baseline': { type: 'string' },
    pdf: { type: 'string', default: 'long' },
  },
});
const budget: Budget = {
  warmups: Number(options.warmups),
  warmupMs: 300,
  runs: Number(options.runs),
  measureMs: Number(options.ms),
  maxRuns: 400,
};
if (!(budget.runs >= 1 && budget.warmups >= 0 && budget.measureMs >= 0)) {
  throw new Error('--runs must be at least 1, --warmups and --ms at least 0');
}
const loads = Number(options.loads);
if (!(loads >= 2)) throw new Error('--loads must be at least 2 (every other load is traced)');
const launches = Number(options.launches);
const opens = Number(options.opens);
if (!(launches >= 1 && opens >= 1)) throw new Error('--launches and --opens must be at least 1');
const library = { pages: Number(options.pages), annotations: Number(options.highlights) };
if (!(library.pages >= 1 && library.annotations >= library.pages))
  throw new Error('--pages must be at least 1, --highlights at least --pages');
if (options.suite !== 'all' && !SUITES.includes(options.suite as Suite)) {
  throw new Error(`--suite must be one of ${[...SUITES, 'all'].join(', ')}`);
}
function pdfName(name: string | undefined): TestPdfName {
  if (name === 'long' || name === 'very-long') return name;
  throw new Error(`--pdf must be long or very-long, not ${name}`);
}

const suites: Suite[] = options.suite === 'all' ? [...SUITES] : [options.suite as Suite];

function machine(chromium: string): Machine {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', chromium, node: process.version };
}

/** Prints a report and writes it to bench-output/<name>.md under `title`. */
async function publish(name: string, title: string, report: string, heading: boolean): Promise<void> {
  console.log(heading ? `\n## ${title}\n\n${report}` : `\n${report}`);
  const file = path.join(OUTPUT_DIR, `${name}.md`);
  await mkdir(OUTPUT_DIR, { recursive: true });
  await writeFile(file, `# ${title}\n\n${report}\n`);
  console.error(`\nwritten to ${path.relative(PROJECT_ROOT, file)}`);
}

async function inBrowserSuites(browser: BenchBrowser, server: FixtureServer): Promise<void> {
  const ranOn = machine(browser.version);
  if (suites.includes('extraction')) {
    const { results, phases } = await benchExtraction(browser, server, budget, { phases: options.phases, only: options.only });
    let report = formatReport(results, ranOn, budget, TARGET);
    if (phases.length > 0) {
      report +=
        '\n\nPhases of extractArticle, timed one by one in a copy of its steps (median ms, same budget, ' +
        `measured after the table above):\n\n${formatPhases(phases)}`;
    }
    await publish('extraction', 'Extraction benchmark', report, false);
  }
  if (suites.includes('anchoring')) {
    const result = await benchAnchoring(browser, server, budget);
    await publish('anchoring', 'Re-anchoring benchmark', `${formatAnchoring(result, budget)}\n${formatMachine(ranOn)}`, true);
  }
}

async function main(): Promise<void> {
  if (suites.includes('extraction') || suites.includes('anchoring')) {
    const [browser, server] = await Promise.all([launchBenchBrowser(), startFixtureServer(FIXTURES_DIR)]);
    try {
      await inBrowserSuites(browser, server);
    } finally {
      // Together: the server waits for the browser's open connections, which end when the browser does.
      await Promise.all([browser.close(), server.close()]);
    }
  }
  if (suites.includes('content-script')) {
    const size = await measureContentScriptSize(options.rebuild);
    const idle = await benchIdleCost(loads, options.rebuild);
    const report =
      `### Size\n\n${formatContentScriptSize(size)}\n\n` +
      `### Idle cost on pages without highlights\n\n${formatIdleCost(idle.pages)}\n${formatMachine(machine(idle.chromium))}`;
    await publish('content-script', 'Content-script benchmark', report, true);
  }
  if (suites.includes('in-page-ui')) {
    const plan = { loads: Math.min(loads, 10), rounds: Number(options.rounds) };
    const ui = await benchInPageUi({ ...plan, baseline: options.baseline ?? SHADOW_ROOT_UI_COMMIT, rebuild: options.rebuild });
    const report =
      `How soon the selection toolbar and the note editor appear, against the build of ${ui.baseline.slice(0, 12)} ` +
      `(\`--baseline\`).\n\n${formatInPageUi(ui.results, plan)}\n${formatMachine(machine(ui.chromium))}`;
    await publish('in-page-ui', 'In-page UI benchmark', report, true);
  }
  if (suites.includes('entities')) {
    const scan = await benchEntityScan(budget);
    const versus = await benchScanVersus(
      options['scan-baseline']!,
      (await articleTexts()).map((t) => t.text),
      Number(options.runs),
    );
    const texts = await articleTexts();
    const parts = await benchColdParts(
      await baselineCheckout(options['popup-baseline'] ?? BEFORE_COMPILED_INDEX_COMMIT),
      texts[0].text,
      compileEntityIndex(loadEntityData()),
      5,
    );
    const popup = await benchEntityPopup({ launches, opens, rebuild: options.rebuild, baseline: options['popup-baseline'] });
    const report =
      'Finding entities in article text, and how soon the popup shows them.\n\n' +
      `### Scan throughput\n\n${formatEntityScan(scan, budget)}\n\n` +
      `### Scan time against an earlier commit\n\n${formatScanVersus(versus)}\n\n` +
      `### Where a fresh background's time to its first entities goes\n\n${formatColdParts(parts)}\n\n` +
      `### Popup open to entities shown\n\n${formatEntityPopup(popup.builds)}\n${formatMachine(machine(popup.chromium))}`;
    await publish('entities', 'Entities benchmark', report, true);
  }
  if (suites.includes('library')) {
    const search = benchLibrarySearch(library);
    const { result: files, backup } = benchLibraryFiles(generateLibrary({ ...library, seed: 1 }));
    const browser = await benchLibraryBrowser(backup, { opens: 5, typingRounds: 2, exportRuns: 3, rebuild: options.rebuild });
    await publish('library', 'Library benchmark', formatLibrary(search, files, browser), true);
  }
  if (suites.includes('popup-highlights')) {
    const result = await benchHighlightsPopup({ opens, baseline: options.baseline ?? BEFORE_POPUP_FIX_COMMIT, rebuild: options.rebuild });
    const report =
      "How soon the popup lists the page's highlights, opened for a tab behind the one in front.\n\n" +
      formatHighlightsPopup(result, opens);
    await publish('popup-highlights', 'Popup highlights benchmark', report, true);
  }
  if (suites.includes('hostile')) {
    const report =
      "Hostile text against a real article of the same size: the background's scan and `gloss analyze`.\n\n" +
      formatHostile(await benchHostile());
    await publish('hostile', 'Hostile-text benchmark', report, true);
  }
  if (suites.includes('pdf')) {
    await publish('pdf', 'PDF benchmark', formatPdf(await benchPdf()), true);
  }
  if (suites.includes('pdf-viewer')) {
    await publish('pdf-viewer', 'PDF viewer benchmark', formatPdfViewer(await benchPdfViewer(options.rebuild, pdfName(options.pdf))), true);
  }
  if (suites.includes('sync')) {
    const result = await benchSync({ pages: library.pages, highlights: library.annotations, rounds: 15 });
    await publish(
      'sync',
      'Sync benchmark',
      `${formatSync(result)}\nMachine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}.`,
      true,
    );
  }
}

await main();
