/**
 * `npm run bench -- --suite entities`, part three: this tree's scanner (rules and model) against the
 * scanner of an earlier commit (`--scan-baseline`, by default `main`), in one process and one run: both
 * from their own code and data (the earlier one from a git worktree, `baseline-build.ts`), the same
 * texts scanned in alternation, medians per text, time per MB over all texts, and the ratio. This tree's
 * scanner is the background's: read from the compiled index (`lib/entities/compiled/`), its "build" the
 * reading of the index bytes; the baseline's is built from the records as that commit's background did.
 *
 * Texts: the sample article, the real pages, and AnnoCTR's dev reports (threat reports, where the model
 * has the most candidates to judge) when the shared data is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from '../../harness/stats';
import { compileEntityIndex } from '../../lib/entities/compiled/compile-entity-index';
import { readEntityIndex, scannerFromIndex } from '../../lib/entities/compiled/load-entity-index';
import { loadEntityData } from '../../lib/entities/shipped-data';
import { baselineCheckout } from './baseline-build';

type Scan = (text: string) => unknown;

export interface ScanVersusResult {
  baseline: string;
  texts: number;
  bytes: number;
  /** Sums over texts of the median milliseconds per scan. */
  currentMs: number;
  baselineMs: number;
  /** Building the scanner (median of 5, after a first build). */
  currentBuildMs: number;
  baselineBuildMs: number;
}

function buildTime(build: () => unknown): number {
  build();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    build();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function benchScanVersus(ref: string, pageTexts: readonly string[], runs: number): Promise<ScanVersusResult> {
  const { tree, commit } = await baselineCheckout(ref);
  const old = await import(pathToFileURL(path.join(tree, 'lib', 'entities', 'scan-entities.ts')).href);
  const oldData = await import(pathToFileURL(path.join(tree, 'lib', 'entities', 'shipped-data.ts')).href);
  const buildOld = () => old.createEntityScanner(oldData.loadEntityData());
  const data = loadEntityData();
  const index = compileEntityIndex(data);
  const buildNew = () => scannerFromIndex(readEntityIndex(index), data);
  const scanners: [Scan, Scan] = [buildNew().findEntities, buildOld().findEntities];
  const texts = [...pageTexts];
  const dev = path.join(
    process.env.GLOSS_SHARED_DATA ?? path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data'),
    'annoctr',
    'dev.jsonl',
  );
  if (existsSync(dev)) for (const line of readFileSync(dev, 'utf8').split('\n')) if (line.trim()) texts.push(JSON.parse(line).text);
  let currentMs = 0;
  let baselineMs = 0;
  let bytes = 0;
  for (const text of texts) {
    bytes += Buffer.byteLength(text);
    const samples: [number[], number[]] = [[], []];
    // Each scan gets a text its scanner did not scan last (the text, then with one more space): both keep the
    // last text's dictionary-name hits, which a background reuses only when it reads the same article twice in
    // a row. Scanning one text over and over measured that shortcut, and left the name search out of the time.
    const variants = [text, `${text} `];
    for (let r = 0; r < runs + 1; r++) {
      for (const which of r % 2 ? [1, 0] : [0, 1]) {
        const start = performance.now();
        scanners[which](variants[r % 2]);
        if (r > 0) samples[which].push(performance.now() - start);
      }
    }
    currentMs += median(samples[0]);
    baselineMs += median(samples[1]);
  }
  return {
    baseline: commit,
    texts: texts.length,
    bytes,
    currentMs,
    baselineMs,
    currentBuildMs: buildTime(buildNew),
    baselineBuildMs: buildTime(buildOld),
  };
}

export function formatScanVersus(r: ScanVersusResult): string {
  const perMb = (ms: number) => (ms / (r.bytes / 1e6)).toFixed(1);
  return [
    `This tree against ${r.baseline.slice(0, 12)} (\`--scan-baseline\`), ${r.texts} texts, ${(r.bytes / 1e6).toFixed(2)} MB, medians per text summed; ` +
      'each scan of a text its scanner did not scan last (no cached name search), as a background scans a new page:',
    '',
    '| scanner | ms per MB | build ms |',
    '| --- | ---: | ---: |',
    `| this tree (rules + model, read from the compiled index) | ${perMb(r.currentMs)} | ${r.currentBuildMs.toFixed(1)} |`,
    `| baseline | ${perMb(r.baselineMs)} | ${r.baselineBuildMs.toFixed(1)} |`,
    `| ratio | ${(r.currentMs / r.baselineMs).toFixed(2)} | ${(r.currentBuildMs / r.baselineBuildMs).toFixed(2)} |`,
  ].join('\n');
}
