/**
 * Browser side of `npm run bench -- --suite anchoring`: bundled into an IIFE by bench/runners/anchoring.ts
 * and evaluated in a real page. Describes many highlights on the page as served, then times finding them
 * again with anchorAll, as the content script does on load, against a bare indexOf per quote. All timing
 * happens here with performance.now(), so the Playwright round trip is not measured.
 */
import { anchorAll } from '../../lib/anchoring/anchor';
import { describeOffsets } from '../../lib/anchoring/describe-range';
import { TextIndex } from '../../lib/anchoring/text-index';
import type { AnnotationTarget } from '../../lib/anchoring/types';
import { type Budget, warmThenMeasure } from '../budget';
import { chooseRanges } from './anchoring-ranges';
import { applyModification, type Modification, type ModificationKind } from './anchoring-modifications';

export type { ModificationKind } from './anchoring-modifications';

/** Per-round times in milliseconds, measured back to back in the same round. */
export interface AnchoringSamples {
  /** anchorAll(new TextIndex(document.body), targets): what the content script does on load. */
  anchor: number[];
  /** new TextIndex(document.body).text, then text.indexOf(quote) for every target: the baseline. */
  indexOf: number[];
  /** new TextIndex(document.body) alone, the part both of the above pay. */
  build: number[];
}

export interface PreparedPage {
  textLength: number;
  textNodes: number;
  elements: number;
  targets: number;
  quoteLengths: { min: number; median: number; max: number };
}

/** One anchorAll on the page as it is now: how each target was found, and whether in the right place. */
export interface AnchoringCheck {
  position: number;
  element: number;
  exact: number;
  fuzzy: number;
  orphan: number;
  /** Anchored exactly where the described text now is. */
  rightPlace: number;
}

export interface AnchoringBench {
  prepare: (count: number) => PreparedPage;
  modify: (kind: ModificationKind) => { shift: number; description: string };
  check: () => AnchoringCheck;
  run: (budget: Budget) => AnchoringSamples;
}

declare global {
  interface Window {
    __glossAnchoringBench: AnchoringBench;
  }
}

// Results land here so no engine can decide the work is unused.
let sink: unknown = null;
let targets: AnnotationTarget[] = [];
let current: Modification | null = null;

function timed(work: () => unknown): number {
  const start = performance.now();
  sink = work();
  return performance.now() - start;
}

function prepare(count: number): PreparedPage {
  current?.undo();
  current = null;
  const index = new TextIndex(document.body);
  targets = chooseRanges(index.text, count).map(([start, end]) => describeOffsets(index, start, end));
  const lengths = targets.map((t) => t.quote.exact.length).sort((a, b) => a - b);
  return {
    textLength: index.text.length,
    textNodes: index.textNodes.length,
    elements: document.body.getElementsByTagName('*').length,
    targets: targets.length,
    quoteLengths: { min: lengths[0], median: lengths[lengths.length >> 1], max: lengths[lengths.length - 1] },
  };
}

function modify(kind: ModificationKind): { shift: number; description: string } {
  current?.undo();
  current = applyModification(kind, targets);
  return { shift: current.shift, description: current.description };
}

function check(): AnchoringCheck {
  const counts: AnchoringCheck = { position: 0, element: 0, exact: 0, fuzzy: 0, orphan: 0, rightPlace: 0 };
  const shift = current?.shift ?? 0;
  anchorAll(new TextIndex(document.body), targets).forEach((result, i) => {
    if (result.status === 'orphan') {
      counts.orphan++;
      return;
    }
    counts[result.method]++;
    const { start, end } = targets[i].position;
    if (result.start === start + shift && result.end === end + shift) counts.rightPlace++;
  });
  return counts;
}

const anchor = (): number => timed(() => anchorAll(new TextIndex(document.body), targets));
const build = (): number => timed(() => new TextIndex(document.body));
const indexOf = (): number =>
  timed(() => {
    const { text } = new TextIndex(document.body);
    let found = 0;
    for (const target of targets) found += text.indexOf(target.quote.exact);
    return found;
  });

/** The three alternate (A, B, C, A, B, C…) so noise from the machine hits them alike. */
function run(budget: Budget): AnchoringSamples {
  const samples: AnchoringSamples = { anchor: [], indexOf: [], build: [] };
  warmThenMeasure(budget, (measured) => {
    const a = anchor();
    const b = indexOf();
    const c = build();
    if (!measured) return;
    samples.anchor.push(a);
    samples.indexOf.push(b);
    samples.build.push(c);
  });
  return samples;
}

window.__glossAnchoringBench = { prepare, modify, check, run };
void sink;
