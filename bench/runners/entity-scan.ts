/**
 * `npm run bench -- --suite entities`, part one: entity scan throughput over the article text of the sample
 * article and the real pages, in Node (the same V8 as Chromium's background), against a baseline of one
 * regular expression alternating every dictionary name.
 *
 * - The text is `extraction.textContent` from extractArticle on jsdom, as the command line reads a page;
 *   the popup scans the same field, read by the page reader in the tab.
 * - The baseline finds dictionary names only (no indicators, vulnerabilities, naming schemes, techniques,
 *   organisations, places, no context or overlap rules), so it is a floor for the matcher's cost, not a
 *   like-for-like result. It uses flags 'gi', not 'giu': with 'u', V8's case-insensitive matching of the
 *   alternation took 70–150 s per scan of wikipedia-2 (against 36 ms without), which measures V8's
 *   Unicode case folding rather than anything a matcher would do.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { warmThenMeasure, type Budget } from '../budget';
import threatActors from '../../data/threat-actors.json';
import software from '../../data/software.json';
import { FIXTURES_DIR } from '../../harness/paths';
import { median } from '../../harness/stats';
import { extractArticle } from '../../lib/article/extract-article';
import { isNonAsciiUtf8 } from '../../lib/article/html-input';
import { createEntityScanner } from '../../lib/entities/scan-entities';
import { loadEntityData } from '../../lib/entities/shipped-data';
import { SAMPLE_ARTICLE } from './extraction';

const BUILDS = 7;

export interface ScanPage {
  page: string;
  /** UTF-8 bytes of the article text. */
  bytes: number;
  entities: number;
  baselineMatches: number;
  scannerMs: number;
  baselineMs: number;
  runs: number;
}

export interface ScanResult {
  pages: ScanPage[];
  /** createEntityScanner(loadEntityData()): the first build in this process, then the median of the next ones. */
  build: { firstMs: number; medianMs: number; count: number };
  baseline: { names: number; flags: string; compileMs: number };
}

async function articleText(fixture: string): Promise<string> {
  const file = path.join(FIXTURES_DIR, fixture);
  const bytes = await readFile(file);
  const contentType = isNonAsciiUtf8(bytes) ? 'text/html; charset=utf-8' : 'text/html';
  const dom = new JSDOM(bytes, { url: pathToFileURL(file).href, contentType, virtualConsole: new VirtualConsole() });
  return extractArticle(dom.window.document).textContent;
}

async function fixtures(): Promise<string[]> {
  const real = (await readdir(path.join(FIXTURES_DIR, 'real-pages'))).filter((name) => name.endsWith('.html')).sort();
  return [SAMPLE_ARTICLE, ...real.map((name) => `real-pages/${name}`)];
}

/** Every name and alias of the two big dictionaries, longest first so the alternation prefers the longer name. */
function dictionaryNames(): string[] {
  const names = new Set<string>();
  const records: { name: string; aliases: string[]; microsoft_name?: string }[] = [...threatActors, ...software];
  for (const record of records) {
    for (const name of [record.name, ...record.aliases, record.microsoft_name]) {
      const trimmed = name?.trim();
      if (trimmed) names.add(trimmed);
    }
  }
  return [...names].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

// Lookarounds rather than \b: names such as "$$$" or ".CryptoHasYou." start or end with non-word characters.
const baselineRegExp = (names: string[]): RegExp => new RegExp(`(?<!\\w)(?:${names.map(escapeRegExp).join('|')})(?!\\w)`, 'gi');

function countMatches(regExp: RegExp, text: string): number {
  let count = 0;
  for (const _ of text.matchAll(regExp)) count++;
  return count;
}

function timeBuilds(): ScanResult['build'] {
  const times: number[] = [];
  for (let i = 0; i < BUILDS; i++) {
    const start = performance.now();
    createEntityScanner(loadEntityData());
    times.push(performance.now() - start);
  }
  return { firstMs: times[0], medianMs: median(times.slice(1)), count: BUILDS - 1 };
}

/** The article text of the sample article and each real page. */
export async function articleTexts(): Promise<{ page: string; text: string }[]> {
  const texts: { page: string; text: string }[] = [];
  for (const fixture of await fixtures()) {
    texts.push({ page: path.basename(fixture, '.html'), text: await articleText(fixture) });
  }
  return texts;
}

export async function benchEntityScan(budget: Budget): Promise<ScanResult> {
  const texts = await articleTexts();
  console.error(`entity scan: extracted ${texts.length} article texts`);
  const build = timeBuilds();
  const scanner = createEntityScanner(loadEntityData());
  const names = dictionaryNames();
  // V8 compiles a regular expression on its first use, not in the constructor.
  const compileStart = performance.now();
  const regExp = baselineRegExp(names);
  countMatches(regExp, 'APT28 and Cobalt Strike');
  const baseline = { names: names.length, flags: regExp.flags, compileMs: performance.now() - compileStart };

  const pages: ScanPage[] = [];
  for (const { page, text } of texts) {
    const scannerSamples: number[] = [];
    const baselineSamples: number[] = [];
    let round = 0;
    // The scanner keeps the last text's dictionary-name hits (a background reuses them only when it reads the
    // same article twice in a row): each run scans a text it did not scan last, the text or it with one more
    // space, so the name search is in every sample.
    const variants = [text, `${text} `];
    const timeScanner = (measured: boolean) => {
      const start = performance.now();
      scanner.findEntities(variants[round % 2]);
      if (measured) scannerSamples.push(performance.now() - start);
    };
    const timeBaseline = (measured: boolean) => {
      const start = performance.now();
      countMatches(regExp, text);
      if (measured) baselineSamples.push(performance.now() - start);
    };
    // Interleaved, in alternating order, so a noisy stretch of the machine hits both sides alike.
    warmThenMeasure(budget, (measured) => {
      const [first, second] = round++ % 2 === 0 ? [timeScanner, timeBaseline] : [timeBaseline, timeScanner];
      first(measured);
      second(measured);
    });
    const result: ScanPage = {
      page,
      bytes: Buffer.byteLength(text),
      entities: scanner.findEntities(text).length,
      baselineMatches: countMatches(regExp, text),
      scannerMs: median(scannerSamples),
      baselineMs: median(baselineSamples),
      runs: scannerSamples.length,
    };
    pages.push(result);
    console.error(
      `entity scan, ${page}: ${(result.bytes / 1000).toFixed(1)} kB, scanner ${result.scannerMs.toFixed(2)} ms, ` +
        `baseline ${result.baselineMs.toFixed(2)} ms over ${result.runs} runs`,
    );
  }
  return { pages, build, baseline };
}

const megabytesPerSecond = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

export function formatEntityScan({ pages, build, baseline }: ScanResult, budget: Budget): string {
  const row = (page: string, bytes: number, entities: number, matches: number, scannerMs: number, baselineMs: number) =>
    `| ${page} | ${(bytes / 1000).toFixed(1)} | ${entities} | ${matches} | ${scannerMs.toFixed(2)} | ` +
    `${baselineMs.toFixed(2)} | ` +
    `${megabytesPerSecond(bytes, scannerMs).toFixed(2)} | ${megabytesPerSecond(bytes, baselineMs).toFixed(2)} | ` +
    `${(scannerMs / baselineMs).toFixed(2)} |`;
  const sum = (pick: (page: ScanPage) => number): number => pages.reduce((total, page) => total + pick(page), 0);
  const ratios = pages.map((page) => page.scannerMs / page.baselineMs);
  const counts = pages.map((page) => page.runs);
  return [
    '| page | text kB | entities | baseline matches | scanner ms | baseline ms | scanner MB/s | baseline MB/s | ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...pages.map((p) => row(p.page, p.bytes, p.entities, p.baselineMatches, p.scannerMs, p.baselineMs)),
    row(
      '**all pages**',
      sum((p) => p.bytes),
      sum((p) => p.entities),
      sum((p) => p.baselineMatches),
      sum((p) => p.scannerMs),
      sum((p) => p.baselineMs),
    ),
    '',
    'Scanner: `createEntityScanner(loadEntityData()).findEntities(extraction.textContent)`, every finder and the ' +
      'overlap rules, with the full dictionaries. Baseline: one `RegExp` alternating all ' +
      `${baseline.names.toLocaleString('en')} names and aliases of data/threat-actors.json and data/software.json ` +
      `(escaped, longest first, \`(?<!\\w)…(?!\\w)\`, flags '${baseline.flags}'), run with matchAll. The baseline ` +
      'finds dictionary names only (no indicators, patterns, context or overlap rules), so it is a floor for the ' +
      "matcher's cost, not a like-for-like result. Text sizes are UTF-8 bytes of extractArticle's textContent " +
      '(jsdom), kB = 1,000 bytes, MB = 10⁶ bytes; the total row is the sums (its MB/s is total bytes over total ms). ' +
      `Median ratio across ${pages.length} pages: **${median(ratios).toFixed(2)}** (min ${Math.min(...ratios).toFixed(2)}, ` +
      `max ${Math.max(...ratios).toFixed(2)}). Medians of ${Math.min(...counts)}–${Math.max(...counts)} interleaved ` +
      `runs per page (at least ${budget.runs} and ${budget.measureMs} ms) after at least ${budget.warmups} warm-ups and ` +
      `${budget.warmupMs} ms, in Node ${process.version}; the scanner's runs alternate between the text and the text ` +
      'with one more space, so no run reuses the name hits its scanner kept from the run before.',
    '',
    `Scanner build from the records (\`createEntityScanner(loadEntityData())\`, what the command line does, and what ` +
      `a fresh background did before the compiled index): first build in the process ` +
      `**${build.firstMs.toFixed(0)} ms**, then median **${build.medianMs.toFixed(0)} ms** ` +
      `over ${build.count} more. Baseline compile (\`new RegExp\` and its first match, when V8 compiles it): ` +
      `${baseline.compileMs.toFixed(0)} ms.`,
  ].join('\n');
}
