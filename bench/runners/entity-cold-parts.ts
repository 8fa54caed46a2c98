/**
 * `npm run bench -- --suite entities`, part four: where a fresh background's time to its first entities
 * goes, in Node, one fresh process per sample (nothing compiled or cached before it, as in a background
 * that has just started), before and after the compiled index, alternating.
 *
 * - Before (a tree at `--popup-baseline`, which already has the ScannerParts seam): parsing the data
 *   files' JSON (what the background's script did as it started), building the two dictionaries, loading
 *   the model, the rest of the scanner (the finders and their name lists), the name automata (built on the
 *   first scan's first step), the rest of the first scan.
 * - After (this tree): reading the index (its JSON part and the array views), making the scanner from it
 *   (dictionaries, finders, model), the background's warm-up scan (`scanner-warm-up.ts`), the first scan.
 * Both then scan the same text a second time, warm. The text is the sample article's.
 *
 * Run as a child: `tsx bench/runners/entity-cold-parts.ts <tree> built|compiled <text file> [<index file>]`
 * prints one JSON line of milliseconds.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../harness/paths';
import { median } from '../../harness/stats';

type Parts = Record<string, number>;

const DATA_FILES = ['threat-actors', 'software', 'attack-techniques', 'organizations', 'places', 'entity-model'];

async function measureChild(tree: string, mode: string, textFile: string, indexFile?: string): Promise<Parts> {
  const text = readFileSync(textFile, 'utf8');
  const times: Parts = {};
  let last = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = (times[name] ?? 0) + now - last;
    last = now;
  };
  const lib = (file: string) => import(pathToFileURL(path.join(tree, 'lib', 'entities', file)).href);
  const { createEntityScanner, builtParts } = await lib('scan-entities.ts');
  const { readEntityIndex, scannerFromIndex } = mode === 'built' ? {} : await lib('compiled/load-entity-index.ts');
  const { warmUpScanner } = mode === 'built' ? {} : await lib('scanner-warm-up.ts');
  last = performance.now();
  // Both backgrounds' scripts parse the data files as they start (the records stay for the entity details).
  const json = Object.fromEntries(
    DATA_FILES.map((name) => [name, JSON.parse(readFileSync(path.join(tree, 'data', `${name}.json`), 'utf8'))]),
  );
  const data = {
    actors: json['threat-actors'],
    software: json.software,
    techniques: json['attack-techniques'],
    organizations: json.organizations,
    places: json.places,
    model: json['entity-model'],
  };
  lap('JSON parse of the data files');
  if (mode === 'built') {
    const base = builtParts();
    const parts = {
      group: base.group,
      actorDictionary: (records: unknown) => {
        lap('scanner: finders and name lists');
        const d = base.actorDictionary(records);
        lap('scanner: the two dictionaries');
        return d;
      },
      softwareDictionary: (records: unknown) => {
        const d = base.softwareDictionary(records);
        lap('scanner: the two dictionaries');
        return d;
      },
      model: (file: unknown, facts: unknown) => {
        lap('scanner: finders and name lists');
        const m = base.model(file, facts);
        lap('scanner: model');
        return m;
      },
      // Trees from before the technique tagger have none to load.
      techniqueTagger: base.techniqueTagger,
    };
    const scanner = createEntityScanner(data, parts);
    lap('scanner: finders and name lists');
    const steps = scanner.scanSteps(text);
    steps.next();
    lap('first scan: name automata and the dictionary search');
    while (!steps.next().done);
    lap('first scan: the rest');
    scanner.findEntities(`${text} `);
    lap('second scan (warm)');
  } else {
    const index = readEntityIndex(readFileSync(indexFile!));
    lap('reading the index');
    const scanner = scannerFromIndex(index, data);
    lap('scanner made from the index');
    warmUpScanner(scanner);
    lap('warm-up scan (as the background does before any page)');
    scanner.findEntities(text);
    lap('first scan');
    scanner.findEntities(`${text} `);
    lap('second scan (warm)');
  }
  return times;
}

function runChild(args: string[]): Promise<Parts> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'runners', 'entity-cold-parts.ts'), ...args],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`entity-cold-parts failed:\n${err}`)),
    );
  });
}

export interface ColdParts {
  samples: number;
  before: { commit: string; parts: Parts[] };
  after: { parts: Parts[] };
}

/** `samples` fresh processes each for the tree at `baseline` and for this tree, alternating. */
export async function benchColdParts(
  baseline: { tree: string; commit: string },
  text: string,
  indexBytes: Uint8Array,
  samples: number,
): Promise<ColdParts> {
  const textFile = path.join(os.tmpdir(), 'gloss-cold-parts.txt');
  const indexFile = path.join(os.tmpdir(), 'gloss-cold-parts.bin');
  writeFileSync(textFile, text);
  writeFileSync(indexFile, indexBytes);
  const result: ColdParts = { samples, before: { commit: baseline.commit, parts: [] }, after: { parts: [] } };
  for (let i = 0; i < samples; i++) {
    for (const which of i % 2 ? ['after', 'before'] : ['before', 'after']) {
      if (which === 'before') result.before.parts.push(await runChild([baseline.tree, 'built', textFile]));
      else result.after.parts.push(await runChild([PROJECT_ROOT, 'compiled', textFile, indexFile]));
    }
  }
  return result;
}

export function formatColdParts(r: ColdParts): string {
  const table = (label: string, parts: Parts[]) => {
    const names = Object.keys(parts[0] ?? {});
    const total = median(parts.map((p) => names.filter((n) => !n.startsWith('second')).reduce((sum, n) => sum + p[n], 0)));
    return [
      ...names.map((name) => `| ${label} | ${name} | ${median(parts.map((p) => p[name])).toFixed(1)} |`),
      `| ${label} | **to the first scan's entities** | **${total.toFixed(1)}** |`,
    ];
  };
  return [
    `Fresh Node processes (${r.samples} each, alternating; medians, ms), the sample article's text: before = ${r.before.commit.slice(0, 12)}, after = this tree.`,
    '',
    '| build | part | ms |',
    '| --- | --- | ---: |',
    ...table('before', r.before.parts),
    ...table('after', r.after.parts),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [tree, mode, textFile, indexFile] = process.argv.slice(2);
  console.log(JSON.stringify(await measureChild(tree, mode, textFile, indexFile)));
}
