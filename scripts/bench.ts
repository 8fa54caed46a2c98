/**
 * `npm run bench`: times extractArticle against bare Readability in headless Chromium, on the sample
 * article and the real pages, and prints a Markdown table (also written to bench-output/extraction.md).
 *
 *   npm run bench -- [--runs 15] [--warmups 10] [--ms 600] [--phases] [--only wiki]
 *
 * Each page gets at least --warmups warm-up pairs (and 300 ms of them), then at least --runs measured
 * pairs and --ms milliseconds of them, capped at 400 pairs; the table shows the medians.
 * --phases adds a table of extractArticle's steps, timed separately. This is a benchmark, not a test:
 * it never fails on slow numbers, it only reports them.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Budget, ExtractionSummary, PairedSamples, PhaseSamples } from '../bench/extraction-entry';
import { startFixtureServer } from '../harness/fixture-server';
import { FIXTURES_DIR, PROJECT_ROOT } from '../harness/paths';
import { median } from '../harness/stats';
import { launchBenchBrowser } from './bench/browser';
import { bundleExtractionEntry } from './bench/bundle';
import { formatPhases, formatReport, type PageResult } from './bench/report';

const SAMPLE_ARTICLE = 'storm-1152.html';
const TARGET = { page: 'storm-1152', maxRatio: 1.3, maxMs: 30 };
const OUTPUT_FILE = path.join(PROJECT_ROOT, 'bench-output', 'extraction.md');

// Each page is a fresh V8 context, so the code tiers up again on every page: with 3 warm-ups the first
// runs were still up to 3x slower than the steady state (storm-1152: 4.3 ms cold against 1.4 ms warm),
// hence the warm-up by time as well as by count.
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmups: { type: 'string', default: '10' },
    ms: { type: 'string', default: '600' },
    phases: { type: 'boolean', default: false },
    only: { type: 'string' },
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

/** Fixture paths relative to tests/fixtures: the sample article first, then the real pages by name. */
async function fixturePages(): Promise<string[]> {
  const real = (await readdir(path.join(FIXTURES_DIR, 'real-pages')))
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => `real-pages/${name}`);
  const all = [SAMPLE_ARTICLE, ...real];
  return options.only ? all.filter((page) => page.includes(options.only!)) : all;
}

const pageName = (fixture: string): string => path.basename(fixture, '.html');

async function main(): Promise<void> {
  const [bundle, server, browser, pages] = await Promise.all([
    bundleExtractionEntry(),
    startFixtureServer(FIXTURES_DIR),
    launchBenchBrowser(),
    fixturePages(),
  ]);
  const results: PageResult[] = [];
  const phases: Array<{ page: string; samples: PhaseSamples }> = [];
  try {
    for (const fixture of pages) {
      const page = await browser.open(server.url(fixture), bundle);
      try {
        const found: ExtractionSummary = await page.evaluate(() => window.__glossBench.summary());
        const samples: PairedSamples = await page.evaluate((b) => window.__glossBench.run(b), budget);
        const result: PageResult = {
          page: pageName(fixture),
          extractMs: median(samples.extract),
          bareMs: median(samples.bare),
          runs: samples.extract.length,
        };
        results.push(result);
        console.error(`${result.page}: ${found.kind}, ${found.domElements} elements, ${found.liveHeadings} live headings, ` +
          `${found.outlineItems} outline items, ${found.words} words — ${result.extractMs.toFixed(2)} vs ` +
          `${result.bareMs.toFixed(2)} ms over ${result.runs} runs`);
        if (options.phases) {
          const split = await page.evaluate((b) => window.__glossBench.phases(b), budget);
          phases.push({ page: result.page, samples: split });
        }
      } finally {
        await page.close();
      }
    }
  } finally {
    await Promise.all([browser.close(), server.close()]);
  }

  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    chromium: browser.version,
    node: process.version,
  };
  let report = formatReport(results, machine, budget, TARGET);
  if (phases.length > 0) {
    report += '\n\nPhases of extractArticle, timed one by one in a copy of its steps (median ms, same budget, ' +
      `measured after the table above):\n\n${formatPhases(phases)}`;
  }
  console.log(`\n${report}`);
  await mkdir(path.dirname(OUTPUT_FILE), { recursive: true });
  await writeFile(OUTPUT_FILE, `# Extraction benchmark\n\n${report}\n`);
  console.error(`\nwritten to ${path.relative(PROJECT_ROOT, OUTPUT_FILE)}`);
}

await main();
