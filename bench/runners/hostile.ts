/**
 * `npm run bench -- --suite hostile`: hostile text against a real article of the same size, in Node.
 *
 * - The real article: the first 200,000 characters of wikipedia-2's article text (extractArticle on
 *   jsdom, as the command line reads it). Each hostile input is one sample (fixed seed) of a generator
 *   in tests/support/hostile-text.ts, the same ones the linear-time tests run.
 * - "scan": the background's scan, `createEntityScanner(loadEntityData()).findEntities(text)` in Node
 *   (the extension runs the same steps in slices; the pauses between them are not counted here).
 * - "gloss analyze": the command line's `analyze()` in this process (reading the file, the nesting
 *   check, jsdom, extraction, the scan and the JSON report), on an HTML page that holds the text as
 *   paragraphs; for nested HTML, on the generated page itself. Process start-up (about a second of tsx
 *   and loading the dictionaries) is left out: it is the same for every input and would hide the ratio.
 * Each hostile input is timed in pairs with the real one, alternating which goes first, and the
 * ratio is of the two medians.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyze } from '../../cli/analyze-command';
import { FIXTURES_DIR } from '../../harness/paths';
import { median } from '../../harness/stats';
import { extractArticle } from '../../lib/article/extract-article';
import { createEntityScanner } from '../../lib/entities/scan-entities';
import { loadEntityData } from '../../lib/entities/shipped-data';
import { HOSTILE_CHARS, NESTED_HTML, sampleOf, TEXT_GENERATORS, type HostileGenerator } from '../../tests/support/hostile-text';

const REAL_PAGE = 'real-pages/wikipedia-2.html';
const SEED = 1;
const SCAN_RUNS = 9;
const CLI_RUNS = 5;

export interface HostileRow {
  label: string;
  /** Null for inputs that are HTML, not article text. */
  scan: { ms: number; realMs: number } | null;
  cli: { ms: number; realMs: number; outcome: string };
}

export interface HostileResult {
  rows: HostileRow[];
  realChars: number;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page holding `text` as paragraphs, one per line. */
function pageOf(title: string, text: string): string {
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line)}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>\n${paragraphs.join('\n')}\n</article></body></html>`;
}

async function realText(): Promise<string> {
  const file = path.join(FIXTURES_DIR, REAL_PAGE);
  const dom = new JSDOM(await readFile(file), {
    url: pathToFileURL(file).href,
    contentType: 'text/html; charset=utf-8',
    virtualConsole: new VirtualConsole(),
  });
  return extractArticle(dom.window.document).textContent.slice(0, HOSTILE_CHARS);
}

function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function timeAsyncMs(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** What `gloss analyze` made of a file: the kind of page and how many entities, or why it refused. */
async function outcomeOf(file: string): Promise<string> {
  try {
    const report = JSON.parse(await analyze({ file, format: 'json' }));
    const count = report.entities.length;
    return `${report.kind}, ${count} ${count === 1 ? 'entity' : 'entities'}`;
  } catch (error) {
    return `refused: ${(error instanceof Error ? error.message : String(error)).replace(/^.*?: /, '')}`;
  }
}

/** Medians of `runs` interleaved pairs (hostile, real), alternating which goes first. */
async function pairs(runs: number, hostile: () => Promise<number>, real: () => Promise<number>) {
  const hostileMs: number[] = [];
  const realMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      hostileMs.push(await hostile());
      realMs.push(await real());
    } else {
      realMs.push(await real());
      hostileMs.push(await hostile());
    }
  }
  return { ms: median(hostileMs), realMs: median(realMs) };
}

export async function benchHostile(): Promise<HostileResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-hostile-'));
  try {
    const real = await realText();
    const realFile = path.join(dir, 'real.html');
    await writeFile(realFile, pageOf('Real article', real));
    const scanner = createEntityScanner(loadEntityData());
    const cliMs = (file: string) => timeAsyncMs(() => analyze({ file, format: 'json' }).catch(() => undefined));
    // Warm-up: the scanner, jsdom and the command line's own scanner, built on first use.
    scanner.findEntities(real);
    await cliMs(realFile);

    const rows: HostileRow[] = [];
    const inputs: { generator: HostileGenerator; text: boolean }[] = [
      ...TEXT_GENERATORS.map((generator) => ({ generator, text: true })),
      { generator: NESTED_HTML, text: false },
    ];
    for (const { generator, text } of inputs) {
      const sample = sampleOf(generator, SEED);
      const file = path.join(dir, `${generator.name}.html`);
      await writeFile(file, text ? pageOf(generator.label, sample) : sample);
      const scan = text
        ? await pairs(
            SCAN_RUNS,
            async () => timeMs(() => scanner.findEntities(sample)),
            async () => timeMs(() => scanner.findEntities(real)),
          )
        : null;
      const cli = await pairs(
        CLI_RUNS,
        () => cliMs(file),
        () => cliMs(realFile),
      );
      rows.push({ label: generator.label, scan, cli: { ...cli, outcome: await outcomeOf(file) } });
      console.error(
        `hostile, ${generator.name}: scan ${scan ? `${scan.ms.toFixed(1)} ms (real ${scan.realMs.toFixed(1)})` : '–'}, ` +
          `gloss analyze ${cli.ms.toFixed(0)} ms (real ${cli.realMs.toFixed(0)})`,
      );
    }
    return { rows, realChars: real.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatHostile({ rows, realChars }: HostileResult): string {
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const lines = rows.map(
    ({ label, scan, cli }) =>
      `| ${label} | ${scan ? `${scan.ms.toFixed(1)} | ${scan.realMs.toFixed(1)} | ${ratio(scan.ms, scan.realMs)}` : '– | – | –'} | ` +
      `${cli.ms.toFixed(0)} | ${cli.realMs.toFixed(0)} | ${ratio(cli.ms, cli.realMs)} | ${cli.outcome} |`,
  );
  return [
    '| input (200,000 characters) | scan ms | real scan ms | scan ratio | `gloss analyze` ms | real `gloss analyze` ms | analyze ratio | what `gloss analyze` made of it |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...lines,
    '',
    `Real article: the first ${realChars.toLocaleString('en')} characters of wikipedia-2's article text. Each input is one ` +
      `sample (seed ${SEED}) of its generator in tests/support/hostile-text.ts. Scan: the background's scan in Node, ` +
      `medians of ${SCAN_RUNS} runs interleaved with the real text. \`gloss analyze\`: the command line in this process, ` +
      `on an HTML page holding the text as paragraphs (nested HTML: the generated page), medians of ${CLI_RUNS} runs ` +
      `interleaved with the real page, process start-up not included. Aim: at most 2× the real article. ` +
      `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}.`,
  ].join('\n');
}
