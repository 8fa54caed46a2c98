/**
 * `npm run bench -- --suite extraction`: extractArticle against bare Readability in headless Chromium, on
 * the sample article and the real pages, timed inside each page by bench/entries/extraction-entry.ts.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Budget } from '../budget';
import type { ExtractionSummary, PairedSamples, PhaseSamples } from '../entries/extraction-entry';
import type { FixtureServer } from '../../harness/fixture-server';
import { FIXTURES_DIR } from '../../harness/paths';
import { median } from '../../harness/stats';
import type { BenchBrowser } from './browser';
import { bundleExtractionEntry } from './bundle';
import type { PageResult } from './report';

export const SAMPLE_ARTICLE = 'storm-1152.html';

/** Fixture paths relative to tests/fixtures: the sample article first, then the real pages by name. */
async function fixturePages(only: string | undefined): Promise<string[]> {
  const real = (await readdir(path.join(FIXTURES_DIR, 'real-pages')))
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => `real-pages/${name}`);
  const all = [SAMPLE_ARTICLE, ...real];
  return only ? all.filter((page) => page.includes(only)) : all;
}

const pageName = (fixture: string): string => path.basename(fixture, '.html');

export interface ExtractionResults {
  results: PageResult[];
  phases: Array<{ page: string; samples: PhaseSamples }>;
}

export async function benchExtraction(
  browser: BenchBrowser,
  server: FixtureServer,
  budget: Budget,
  options: { phases: boolean; only?: string },
): Promise<ExtractionResults> {
  const [bundle, pages] = await Promise.all([bundleExtractionEntry(), fixturePages(options.only)]);
  const results: PageResult[] = [];
  const phases: ExtractionResults['phases'] = [];
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
      console.error(
        `${result.page}: ${found.kind}, ${found.domElements} elements, ${found.liveHeadings} live headings, ` +
          `${found.outlineItems} outline items, ${found.words} words — ${result.extractMs.toFixed(2)} vs ` +
          `${result.bareMs.toFixed(2)} ms over ${result.runs} runs`,
      );
      if (options.phases) {
        const split = await page.evaluate((b) => window.__glossBench.phases(b), budget);
        phases.push({ page: result.page, samples: split });
      }
    } finally {
      await page.close();
    }
  }
  return { results, phases };
}
