/**
 * Browser side of `npm run bench`: bundled into an IIFE by bench/run-bench.ts and evaluated in a fixture
 * page. All timing happens here with performance.now(), so the Playwright round trip is not measured.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { extractArticle, MIN_ARTICLE_CHARACTERS, type ArticleExtraction } from '../../lib/article/extract-article';
import { completeMetadata } from '../../lib/article/metadata';
import { estimateReadingTime } from '../../lib/article/reading-time';
import { collectHeadings } from '../../lib/outline/headings';
import { alignWithLivePage, liveHeadings } from '../../lib/outline/live-outline';
import { type Budget, repeat } from '../budget';

export type { Budget } from '../budget';

/** Per-run times in milliseconds; `extract[i]` and `bare[i]` were measured back to back. */
export interface PairedSamples {
  extract: number[];
  bare: number[];
}

/** Per-run times in milliseconds of each step of extractArticle, plus the bare baseline split the same way. */
export type PhaseSamples = Record<string, number[]>;

/** What one extraction found, to tell at a glance that the benchmark measured real work. */
export interface ExtractionSummary {
  kind: ArticleExtraction['kind'];
  outlineItems: number;
  liveHeadings: number;
  words: number;
  domElements: number;
}

export interface GlossBench {
  extract: () => number;
  bare: () => number;
  run: (budget: Budget) => PairedSamples;
  phases: (budget: Budget) => PhaseSamples;
  summary: () => ExtractionSummary;
}

declare global {
  interface Window {
    __glossBench: GlossBench;
  }
}

// Results land here so no engine can decide the work is unused.
let sink: unknown = null;

function timed(work: () => unknown): number {
  const start = performance.now();
  sink = work();
  return performance.now() - start;
}

const extract = (): number => timed(() => extractArticle(document, location.href));
const bare = (): number => timed(() => new Readability(document.cloneNode(true) as Document).parse());

/**
 * Alternates ours and the baseline (A, B, A, B…) so noise from the machine hits both alike. Small pages
 * get more runs than large ones: the time budget keeps a 1 ms page from being judged on 15 samples.
 */
function run(budget: Budget): PairedSamples {
  repeat(budget.warmups, budget.warmupMs, budget.maxRuns, () => {
    extract();
    bare();
  });
  const samples: PairedSamples = { extract: [], bare: [] };
  repeat(budget.runs, budget.measureMs, budget.maxRuns, () => {
    samples.extract.push(extract());
    samples.bare.push(bare());
  });
  return samples;
}

/**
 * extractArticle taken apart step by step. This mirrors lib/article/extract-article.ts by hand (its
 * steps are not exported separately); compare the report's "sum of ours" with the main table to catch drift.
 */
function phaseOnce(into: PhaseSamples): void {
  const marks: Array<[string, number]> = [];
  let last = performance.now();
  const mark = (name: string): void => {
    const now = performance.now();
    marks.push([name, now - last]);
    last = now;
  };

  const live = liveHeadings(document);
  mark('liveHeadings');
  const clone = document.cloneNode(true) as Document;
  mark('clone');
  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  mark('parse');
  const length = parsed?.textContent?.trim().length ?? 0;
  const isArticle = Boolean(parsed?.content) && length > 0 && (length >= MIN_ARTICLE_CHARACTERS || isProbablyReaderable(document));
  mark('looksLikeArticle');
  const metadata = completeMetadata(parsed, document, location.href);
  mark('metadata');
  const readingTime = isArticle ? estimateReadingTime(parsed?.textContent ?? '') : null;
  mark('readingTime');
  const outline = isArticle ? alignWithLivePage(collectHeadings(parsed?.content as Element), live) : live;
  mark('outline');
  sink = { metadata, readingTime, outline };

  // The baseline, split the same way: the default serializer turns the article back into HTML.
  const bareClone = document.cloneNode(true) as Document;
  mark('bare: clone');
  sink = new Readability(bareClone).parse();
  mark('bare: parse');

  for (const [name, ms] of marks) (into[name] ??= []).push(ms);
}

function phases(budget: Budget): PhaseSamples {
  repeat(budget.warmups, budget.warmupMs, budget.maxRuns, () => phaseOnce({}));
  const samples: PhaseSamples = {};
  repeat(budget.runs, budget.measureMs, budget.maxRuns, () => phaseOnce(samples));
  return samples;
}

function summary(): ExtractionSummary {
  const result = extractArticle(document, location.href);
  return {
    kind: result.kind,
    outlineItems: result.outline.length,
    liveHeadings: liveHeadings(document).length,
    words: result.readingTime.words,
    domElements: document.getElementsByTagName('*').length,
  };
}

window.__glossBench = { extract, bare, run, phases, summary };
void sink;
