/**
 * `npm run bench -- --suite library`: the library page's index and search-as-you-type over a generated
 * library (library-data.ts: 5,000 pages, 100,000 highlights), in Node (the same V8 as the extension page).
 * Also runs alone: `npx tsx bench/runners/library-search.ts`.
 *
 * - The records are handed over as IndexedDB would: highlights sorted by id (their primary key) and
 *   structured-cloned, so they sit in memory in that order, not in the order the generator made them.
 * - Build: buildLibraryIndex (summaries, facets, display order: the first paint), then prepareSearch
 *   (folding the text, on the first search or when the page is idle).
 * - Typing: each query is typed character by character into a fresh index, timing every keystroke's
 *   search (results included); "pasted" is the whole query searched once on an index that has not seen it.
 *   One unrecorded round goes first, so the figures are for code the engine has compiled.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { median, quantile } from '../../harness/stats';
import { buildLibraryIndex, type LibraryIndex } from '../../lib/library/library-index';
import { prepareSearch, search, type SearchFilters } from '../../lib/library/search';
import type { PageRecord } from '../../lib/storage/records';
import { generateLibrary, type LibraryData } from './library-data';

const BUILDS = 7;

export interface LibraryQuery {
  query: string;
  filters?: SearchFilters;
}

export const LIBRARY_QUERIES: LibraryQuery[] = [
  { query: 'scattered spider' },
  { query: 'unc3944' },
  { query: 'credential' },
  { query: '#phishing' },
  { query: 'lateral movement powershell' },
  { query: '"mfa fatigue"' },
  { query: 'kerberoasting' },
  { query: 'lockbit', filters: { color: 'pink' } },
  { query: 'helpdesk', filters: { actor: 'scattered spider' } },
];

export interface QueryTiming extends LibraryQuery {
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Median over rounds of the whole query searched at once. */
  pastedMs: number;
  hits: number;
  pages: number;
}

export interface LibrarySearchResult {
  pages: number;
  annotations: number;
  rounds: number;
  build: { firstMs: number; medianMs: number; count: number };
  prepare: { firstMs: number; medianMs: number; count: number };
  /** Listing everything (no query, no filter), as the page opens, and with one tag filter. */
  listAllMs: number;
  tagFilterMs: number;
  queries: QueryTiming[];
  keystrokes: { count: number; medianMs: number; p95Ms: number; maxMs: number };
}

/** The records in the order and memory layout IndexedDB would hand them over. */
function asStored(data: LibraryData): LibraryData {
  const byKey =
    <T>(key: (record: T) => string) =>
    (a: T, b: T): number =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return structuredClone({
    pages: [...data.pages].sort(byKey<PageRecord>((page) => page.url)),
    annotations: [...data.annotations].sort(byKey((record) => record.id)),
  });
}

function time<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

function timeBuilds(data: LibraryData): Pick<LibrarySearchResult, 'build' | 'prepare'> {
  const builds: number[] = [];
  const prepares: number[] = [];
  for (let i = 0; i < BUILDS; i++) {
    const { ms, value: index } = time(() => buildLibraryIndex(data.pages, data.annotations));
    builds.push(ms);
    prepares.push(time(() => prepareSearch(index)).ms);
  }
  const summary = (times: number[]) => ({ firstMs: times[0], medianMs: median(times.slice(1)), count: times.length - 1 });
  return { build: summary(builds), prepare: summary(prepares) };
}

function freshIndex(data: LibraryData): LibraryIndex {
  const index = buildLibraryIndex(data.pages, data.annotations);
  prepareSearch(index);
  return index;
}

/** Types each query into a fresh index; returns each query's keystroke times and its pasted time. */
function typingRound(data: LibraryData, samples: Map<LibraryQuery, { keys: number[]; pasted: number[] }>): void {
  const typing = freshIndex(data);
  const pasting = freshIndex(data);
  for (const entry of LIBRARY_QUERIES) {
    const sample = samples.get(entry)!;
    sample.pasted.push(time(() => search(pasting, entry.query, entry.filters)).ms);
    for (let length = 1; length <= entry.query.length; length++) {
      sample.keys.push(time(() => search(typing, entry.query.slice(0, length), entry.filters)).ms);
    }
  }
}

export function benchLibrarySearch(options: { pages?: number; annotations?: number; rounds?: number } = {}): LibrarySearchResult {
  const rounds = options.rounds ?? 5;
  const generated = time(() => generateLibrary({ pages: options.pages, annotations: options.annotations, seed: 1 }));
  const data = asStored(generated.value);
  console.error(`library: generated ${data.pages.length} pages, ${data.annotations.length} highlights in ${generated.ms.toFixed(0)} ms`);
  const builds = timeBuilds(data);
  const index = freshIndex(data);
  const topTag = index.facets.tags[0]?.key;
  const listings = (): { all: number; tag: number } => ({
    all: time(() => search(index, '')).ms,
    tag: time(() => search(index, '', { tag: topTag })).ms,
  });
  const newSamples = () => new Map(LIBRARY_QUERIES.map((entry) => [entry, { keys: [] as number[], pasted: [] as number[] }]));
  // One unrecorded round first: the engine compiles the search code on its first calls.
  typingRound(data, newSamples());
  const listed = Array.from({ length: rounds }, listings);
  const samples = newSamples();
  for (let round = 0; round < rounds; round++) {
    typingRound(data, samples);
    console.error(`library: typing round ${round + 1} of ${rounds} done`);
  }
  const queries = LIBRARY_QUERIES.map((entry): QueryTiming => {
    const { keys, pasted } = samples.get(entry)!;
    const result = search(index, entry.query, entry.filters);
    return {
      ...entry,
      keystrokes: entry.query.length,
      medianMs: median(keys),
      p95Ms: quantile(keys, 0.95),
      maxMs: Math.max(...keys),
      pastedMs: median(pasted),
      hits: result.total,
      pages: result.pages.length,
    };
  });
  const all = [...samples.values()].flatMap((sample) => sample.keys);
  return {
    pages: data.pages.length,
    annotations: data.annotations.length,
    rounds,
    ...builds,
    listAllMs: median(listed.map((l) => l.all)),
    tagFilterMs: median(listed.map((l) => l.tag)),
    queries,
    keystrokes: { count: all.length, medianMs: median(all), p95Ms: quantile(all, 0.95), maxMs: Math.max(...all) },
  };
}

const ms = (value: number): string => value.toFixed(1);

function describeFilters(filters: SearchFilters | undefined): string {
  return filters
    ? Object.entries(filters)
        .map(([name, value]) => `${name}: ${value}`)
        .join(', ')
    : '';
}

export function formatLibrarySearch(result: LibrarySearchResult): string {
  const rows = result.queries.map(
    (q) =>
      `| \`${q.query}\` | ${describeFilters(q.filters)} | ${q.keystrokes} | ${ms(q.medianMs)} | ${ms(q.p95Ms)} | ${ms(q.maxMs)} | ` +
      `${ms(q.pastedMs)} | ${q.hits.toLocaleString('en')} in ${q.pages.toLocaleString('en')} pages |`,
  );
  const cpus = os.cpus();
  return [
    `${result.pages.toLocaleString('en')} pages, ${result.annotations.toLocaleString('en')} highlights (generated, seed 1), ` +
      'handed over as IndexedDB would (sorted by id, structured-cloned).',
    '',
    `- Index (\`buildLibraryIndex\`: summaries, facets, order): first **${ms(result.build.firstMs)} ms**, then median ` +
      `**${ms(result.build.medianMs)} ms** over ${result.build.count} more.`,
    `- Search text (\`prepareSearch\`): first ${ms(result.prepare.firstMs)} ms, then median ${ms(result.prepare.medianMs)} ms.`,
    `- Listing everything (empty query): ${ms(result.listAllMs)} ms; one tag filter, no query: ${ms(result.tagFilterMs)} ms.`,
    `- Every keystroke of every query below (${result.keystrokes.count} over ${result.rounds} rounds): median ` +
      `**${ms(result.keystrokes.medianMs)} ms**, p95 **${ms(result.keystrokes.p95Ms)} ms**, max ${ms(result.keystrokes.maxMs)} ms.`,
    '',
    '| query | filter | keys | median ms | p95 ms | max ms | pasted ms | results |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'Typed one character at a time into a fresh index per round (each keystroke searches and builds the result ' +
      'list), after one unrecorded warm-up round; "pasted" is the whole query at once, median of the rounds. Generated text has a flat word ' +
      'distribution, so common words hit far more highlights than in real notes.',
    `Machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}.`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatLibrarySearch(benchLibrarySearch()));
}
