/**
 * How long anchoring many highlights takes, against the floor of a bare indexOf per quote.
 */
import { anchorAll } from '../../lib/anchoring/anchor';
import { describeOffsets } from '../../lib/anchoring/describe-range';
import { TextIndex } from '../../lib/anchoring/text-index';
import type { AnnotationTarget } from '../../lib/anchoring/types';
import { chooseHighlights } from './choose-highlights';
import { insertAdBlock } from './modifications';

const RUNS = 7;
const COUNT = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeMs(run: () => void): number {
  const times: number[] = [];
  run(); // warm-up: the first run pays for compiling the code
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Median times for one page: index build, anchorAll on a fresh index, and indexOf per quote. */
function measure(index: TextIndex, targets: AnnotationTarget[]) {
  const root = index.root;
  let anchored = 0;
  const build = timeMs(() => void new TextIndex(root));
  const anchor = timeMs(() => {
    anchored = anchorAll(new TextIndex(root), targets).filter((r) => r.status === 'anchored').length;
  });
  let found = 0;
  const indexOf = timeMs(() => {
    // Counting the hits keeps the engine from treating the searches as dead code.
    for (const target of targets) if (index.text.indexOf(target.quote.exact) >= 0) found++;
  });
  return { build, anchor, indexOf, anchored, found };
}

export function timeAnchoring(html: string, load: (html: string) => TextIndex, serialize: (index: TextIndex) => string): string {
  const index = load(html);
  const highlights = chooseHighlights(index, { count: COUNT, minLength: 20, minGap: 0, lengths: [20, 35, 50, 80], seed: 'timing' });
  const targets = highlights.map(({ start, end }) => describeOffsets(index, start, end));
  const modified = load(html);
  insertAdBlock(modified, highlights);
  const shifted = load(serialize(modified));
  const rows = [
    ['unchanged page', measure(index, targets)],
    ['ad block inserted (positions all shifted)', measure(shifted, targets)],
  ] as const;
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  return [
    `### Anchoring ${targets.length} highlights on wikipedia-2 (${index.text.length.toLocaleString('en')} characters of text; median of ${RUNS} runs)`,
    '',
    '| page | TextIndex build | anchorAll (incl. build) | indexOf per quote | anchored |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(([name, m]) => `| ${name} | ${f(m.build)} | ${f(m.anchor)} | ${f(m.indexOf)} | ${m.anchored}/${targets.length} |`),
    '',
  ].join('\n');
}
