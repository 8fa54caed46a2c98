/**
 * The library suite's report (bench-output/library.md): one table of every figure with the issue's aims
 * marked, then the details of the Chromium runs, then the Node parts as library-search.ts and
 * library-files.ts measured them.
 */
import os from 'node:os';
import { median, quantile } from '../../harness/stats';
import type { ExportTiming, KeyTiming, LibraryBrowserResult, LoadTiming } from './library-browser';
import type { LibraryFilesResult } from './library-files';
import { formatLibrarySearch, type LibrarySearchResult } from './library-search';

/** The issue's aims: search under 50 ms at the median, exporting everything in under 5 s. */
const AIMS = { searchMs: 50, exportMs: 5_000 };

const ms = (value: number): string => (value < 100 ? value.toFixed(1) : value.toFixed(0));
const s = (value: number): string => (value / 1000).toFixed(value < 10_000 ? 2 : 1);
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const range = (values: number[], unit: (v: number) => string): string =>
  values.length > 1 ? ` (${unit(Math.min(...values))}–${unit(Math.max(...values))})` : '';
const verdict = (value: number, aim: number): string => (value < aim ? 'met' : '**MISSED**');
const runs = (count: number): string => (count === 1 ? '1 run' : `median of ${count} runs`);

function exportRow(name: string, timings: ExportTiming[]): string {
  const failed = timings.find((t) => t.failed);
  if (failed) return `| ${name} of everything, click → file on disk | Chromium | failed: “${failed.failed}” | < 5 s: **MISSED** |`;
  const complete = timings.map((t) => t.completeMs);
  return (
    `| ${name} of everything, click → file on disk | Chromium | **${s(median(complete))} s**${range(complete, s)}, ` +
    `${mb(timings[0].bytes)}, ${runs(timings.length)} | < 5 s: ${verdict(median(complete), AIMS.exportMs)} |`
  );
}

function summary(search: LibrarySearchResult, files: LibraryFilesResult, browser: LibraryBrowserResult): string[] {
  const painted = browser.loads.map((l) => l.firstCard.painted);
  const listed = browser.loads.map((l) => l.highlightsListed.painted);
  const keysPainted = browser.keys.map((k) => k.paintedMs);
  const keysHandled = browser.keys.map((k) => k.handledMs);
  const of = (format: ExportTiming['format']) => browser.exports.filter((e) => e.format === format);
  const imp = browser.importing;
  const fileRow = (name: string, t: { medianMs: number; runsMs: number[]; bytes: number }, aim = '') =>
    `| ${name} | Node | ${s(t.medianMs)} s${range(t.runsMs, s)}, ${mb(t.bytes)}, ${runs(t.runsMs.length)} | ${aim} |`;
  return [
    '| measure | where | figure | aim |',
    '| --- | --- | --- | --- |',
    `| Library first paint: navigation → first page card painted | Chromium | **${s(median(painted))} s**${range(painted, s)}, ` +
      `${painted.length} opens (reloads and new tabs) | |`,
    `| … → every highlight read, indexed and listed | Chromium | **${s(median(listed))} s**${range(listed, s)} | |`,
    `| Search as you type: key → results painted | Chromium | median **${ms(median(keysPainted))} ms**, p95 **${ms(quantile(keysPainted, 0.95))} ms** ` +
      `(${keysPainted.length} keys) | median < 50 ms: ${verdict(median(keysPainted), AIMS.searchMs)} |`,
    `| Search as you type: key → search and render done | Chromium | median ${ms(median(keysHandled))} ms, ` +
      `p95 ${ms(quantile(keysHandled, 0.95))} ms | |`,
    `| Search per keystroke, search alone | Node | median ${ms(search.keystrokes.medianMs)} ms, p95 ${ms(search.keystrokes.p95Ms)} ms ` +
      `(${search.keystrokes.count} keys) | median < 50 ms: ${verdict(search.keystrokes.medianMs, AIMS.searchMs)} |`,
    exportRow('Markdown export', of('markdown')),
    fileRow(
      'Markdown export of everything (`markdownExport`, zip)',
      files.markdown,
      `< 5 s: ${verdict(files.markdown.medianMs, AIMS.exportMs)}`,
    ),
    exportRow('JSON export', of('json')),
    fileRow('JSON backup written (`backupJson`)', files.backupWrite),
    exportRow('STIX export', of('stix')),
    fileRow('STIX export of everything (`stixExport`)', files.stix, `< 5 s: ${verdict(files.stix.medianMs, AIMS.exportMs)}`),
    `| JSON import through the page: file chosen → “Imported” painted | Chromium | **${s(imp.imported.painted)} s** ` +
      `(${mb(browser.backupBytes)}, 1 run) | |`,
    `| … → the library listed again / main thread free | Chromium | ${s(imp.listed.painted)} s / ${s(imp.settled)} s | |`,
    fileRow('Backup read back (`parseBackup`)', files.backupParse),
    `| Index build (\`buildLibraryIndex\`) / search text (\`prepareSearch\`) | Node | ${ms(search.build.medianMs)} ms / ${ms(search.prepare.medianMs)} ms | |`,
  ];
}

function importDetails(browser: LibraryBrowserResult): string[] {
  const imp = browser.importing;
  const write = imp.write
    ? `the import's read-write transaction ran from ${s(imp.write.start)} s to ${s(imp.write.end)} s ` +
      `(before it: reading the file and \`parseBackup\`; in it: merging and writing every record), `
    : '';
  return [
    `Status: “${imp.status}”`,
    '',
    `From the file input's change event: ${write}“Imported” was painted at ${s(imp.imported.painted)} s, the first page ` +
      `card of the reloaded library at ${s(imp.listed.painted)} s, and the main thread was free at ${s(imp.settled)} s. ` +
      `The page read all highlights ${imp.readsMs.length} time(s) after the import (${imp.readsMs.map((r) => `${s(r)} s`).join(', ')} each, ` +
      'IndexedDB getAll): the import reloads the library itself, and again when the background announces the change.',
  ];
}

function loadRow(how: LoadTiming['how'], loads: LoadTiming[]): string {
  const mine = loads.filter((l) => l.how === how);
  const col = (pick: (l: LoadTiming) => number | null) => {
    const values = mine.map(pick).filter((v): v is number => v !== null);
    return values.length ? `${s(median(values))}${range(values, s)}` : '–';
  };
  return (
    `| ${how} | ${mine.length} | ${col((l) => l.firstContentfulPaint)} | ${col((l) => l.readEnd)} | ${col((l) => l.firstCard.seen)} | ` +
    `**${col((l) => l.firstCard.painted)}** | ${col((l) => l.firstCard.painted - l.firstCard.seen)} | ${col((l) => l.highlightsListed.painted)} | ${col((l) => l.mainThreadFree)} |`
  );
}

function keyRows(keys: KeyTiming[]): string[] {
  const queries = [...new Set(keys.map((k) => k.query))];
  return queries.map((query) => {
    const mine = keys.filter((k) => k.query === query);
    const painted = mine.map((k) => k.paintedMs);
    const filters = mine[0].filters
      ? Object.entries(mine[0].filters)
          .map(([n, v]) => `${n}: ${v}`)
          .join(', ')
      : '';
    return (
      `| \`${query}\` | ${filters} | ${mine.length} | ${ms(median(mine.map((k) => k.handledMs)))} | ${ms(median(painted))} | ` +
      `${ms(quantile(painted, 0.95))} | ${ms(Math.max(...painted))} |`
    );
  });
}

function exportRows(exports: ExportTiming[]): string[] {
  return exports.map((e, i) => {
    const run = exports.slice(0, i + 1).filter((x) => x.format === e.format).length;
    if (e.failed) return `| ${e.format} | ${run} | ${s(e.madeMs)} (failed) | – | – | “${e.failed}” |`;
    return (
      `| ${e.format} | ${run} | ${s(e.madeMs)} | ${s(e.downloadEventMs)} | ${s(e.completeMs)} | ${e.fileName}, ${mb(e.bytes)}` +
      `${e.files !== undefined ? `, ${e.files.toLocaleString('en')} files` : ''} |`
    );
  });
}

/** Each vault update, with its time against the Markdown download of the same pages in the same run. */
function vaultRows(browser: LibraryBrowserResult): string[] {
  const markdown = browser.exports.filter((e) => e.format === 'markdown' && !e.failed).map((e) => e.completeMs);
  const download = markdown.length ? median(markdown) : NaN;
  return [
    '| run | click → status painted s | × Markdown download | notes in the folder | status |',
    '| --- | ---: | ---: | ---: | --- |',
    ...browser.vault.map(
      (v) => `| ${v.run} | **${s(v.madeMs)}** | ${(v.madeMs / download).toFixed(2)} | ${v.notes.toLocaleString('en')} | ${v.status} |`,
    ),
  ];
}

function filesDetails(files: LibraryFilesResult): string[] {
  const row = (name: string, t: { runsMs: number[]; medianMs: number; bytes: number }, extra: string) =>
    `| ${name} | ${t.runsMs.map(s).join(', ')} | **${s(t.medianMs)}** | ${mb(t.bytes)} | ${extra} |`;
  return [
    '| step | runs s | median s | size | |',
    '| --- | --- | ---: | ---: | --- |',
    row('`backupJson` (the JSON backup)', files.backupWrite, ''),
    row('`parseBackup` of that text', files.backupParse, `${files.backupParse.annotations.toLocaleString('en')} highlights read back`),
    row(
      '`markdownExport` of every page (zip, level 1)',
      files.markdown,
      `${files.markdown.files.toLocaleString('en')} files; ` +
        `the notes' text alone (\`pageMarkdown\` of every page, 1 run): ${s(files.markdownTextMs)} s, the rest is the zip`,
    ),
    row('`stixExport` of every page', files.stix, `${files.stix.objects.toLocaleString('en')} objects`),
  ];
}

export function formatLibrary(search: LibrarySearchResult, files: LibraryFilesResult, browser: LibraryBrowserResult): string {
  const cpus = os.cpus();
  return [
    `${search.pages.toLocaleString('en')} pages and ${search.annotations.toLocaleString('en')} highlights ` +
      '(bench/runners/library-data.ts, seed 1), imported through the library page into the IndexedDB of a fresh ' +
      'Chromium profile; the Node figures run the same code on the same records.',
    '',
    ...summary(search, files, browser),
    '',
    `Machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), shared with other work and noisy: expect ±20% between runs. ` +
      `Chromium ${browser.chromium} headless (bench build of the extension), Node ${process.version}.`,
    '',
    '### JSON import in Chromium',
    '',
    ...importDetails(browser),
    '',
    '### First paint in Chromium (seconds from navigation start)',
    '',
    '| open | count | first contentful paint (loading text) | highlights read from IndexedDB | first card in the DOM | ' +
      'first card painted | in DOM → painted | highlights listed | main thread free |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    loadRow('reload', browser.loads),
    loadRow('new tab', browser.loads),
    '',
    'Median (min–max). "Main thread free": the end of the last long task once none has run for a second; typing is ' +
      'fast from then. The list paints from the pages alone; "highlights listed" is when every highlight has been read ' +
      'and indexed and the counts appear. The search text is folded (`prepareSearch`) after that paint.',
    '',
    `### Search as you type in Chromium (${browser.typingRounds} rounds, ms from the keydown)`,
    '',
    '| query | filter | keys | search and render done, median | painted, median | painted, p95 | painted, max |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...keyRows(browser.keys),
    '',
    "Each key typed with Playwright's keyboard into the searchbox, waited out until its results were painted, then a " +
      '60 ms pause. "Search and render done": the end of the `input` event (Preact renders in a microtask of its ' +
      'handler); "painted": the first task after the next frame. From the keydown\'s own timestamp, so time the key ' +
      'waited for a busy main thread counts.',
    '',
    '### Exports of everything in Chromium (seconds from the click)',
    '',
    '| format | run | page: file made (“Saved” painted) | download event | file on disk | file |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...exportRows(browser.exports),
    '',
    '### Update vault of everything in Chromium (an origin-private folder)',
    '',
    ...vaultRows(browser),
    '',
    'The first run writes one note per page; the second reads every note again, finds each by its source and ' +
      "leaves it (its block is the same); the third follows a line of the reader's added to every note outside " +
      'Gloss\'s block. "× Markdown download": against the median Markdown export of everything (a zip), same run.',
    '',
    '### Node: index and search',
    '',
    formatLibrarySearch(search),
    '',
    '### Node: backup and export files',
    '',
    ...filesDetails(files),
    '',
    'How and why: bench/runners/library-search.ts, library-files.ts, library-browser.ts and library-probe.ts.',
  ].join('\n');
}
