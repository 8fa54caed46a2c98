/**
 * Scoring found entities against AnnoCTR's labelled spans, per kind, micro-averaged over reports:
 * - exact: a prediction is correct when a gold span of that type has the same start and end;
 * - overlap: a prediction is correct when it overlaps a gold span of that type not yet claimed (one to
 *   one, in text order), which forgives "the Lazarus Group" vs "Lazarus";
 * - surface: mentions compared as case-folded strings within each report, wherever they are (a found
 *   "lazarus" matches a labelled "Lazarus" of the report, one to one), the way issue 13's held-out
 *   measurement scores `gloss analyze`: this column is the one to set beside those figures.
 */
import type { Entity, EntityKind } from '../../lib/entities/types';

/** Rows of the table: the kinds predicted and the AnnoCTR types they are compared with. */
export const ROWS: { label: string; kinds: EntityKind[]; types: string[] }[] = [
  { label: 'threat-actor', kinds: ['threat-actor'], types: ['GROUP'] },
  { label: 'malware', kinds: ['malware'], types: ['MALWARE'] },
  { label: 'tool', kinds: ['tool'], types: ['TOOL'] },
  // The lists and the annotators often disagree on malware vs tool (RATs, stealers); found is found.
  { label: 'software', kinds: ['malware', 'tool'], types: ['MALWARE', 'TOOL'] },
  { label: 'organization', kinds: ['organization'], types: ['ORG'] },
  { label: 'technique', kinds: ['technique'], types: ['TECHNIQUE'] },
  { label: 'place', kinds: ['place'], types: ['LOC'] },
];

export interface Span {
  start: number;
  end: number;
  text: string;
}
export interface Report {
  id: string;
  text: string;
  mentions: (Span & { type: string })[];
}

/** Counts for one row, added up over reports (and folds). */
export interface Tally {
  gold: number;
  predicted: number;
  exact: number;
  overlap: number;
  surface: number;
  falseHits: Map<string, number>;
  misses: Map<string, number>;
  /**
   * Found mentions that overlap a labelled span of the kind but have other boundaries, as
   * `"found" ≠ "labelled"`, and how they differ (`boundaryClass`): what to read when the overlap figure is
   * far above the exact one.
   */
  boundaries: Map<string, number>;
  boundaryClasses: Map<string, number>;
}

export const emptyTally = (): Tally => ({
  gold: 0,
  predicted: 0,
  exact: 0,
  overlap: 0,
  surface: 0,
  falseHits: new Map(),
  misses: new Map(),
  boundaries: new Map(),
  boundaryClasses: new Map(),
});

/**
 * How a found span's boundaries differ from the labelled span it overlaps: it holds the labelled span
 * and more ("longer: +before +after"), lies inside it ("shorter"), or crosses it ("crossing").
 */
export function boundaryClass(found: Span, gold: Span): string {
  if (found.start <= gold.start && found.end >= gold.end) {
    const sides = [found.start < gold.start ? '+before' : '', found.end > gold.end ? '+after' : ''].filter(Boolean);
    return `longer ${sides.join(' ')}`;
  }
  if (found.start >= gold.start && found.end <= gold.end) {
    const sides = [found.start > gold.start ? '−before' : '', found.end < gold.end ? '−after' : ''].filter(Boolean);
    return `shorter ${sides.join(' ')}`;
  }
  return 'crossing';
}

function truePositives(predicted: Span[], gold: Span[], overlap: boolean): number {
  const claimed = new Set<number>();
  let tp = 0;
  for (const p of predicted) {
    const i = gold.findIndex(
      (g, k) => !claimed.has(k) && (overlap ? p.start < g.end && g.start < p.end : p.start === g.start && p.end === g.end),
    );
    if (i >= 0) {
      claimed.add(i);
      tp++;
    }
  }
  return tp;
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/** Mentions matched as case-folded strings, one to one, wherever they are in the report. */
export function surfaceMatches(predicted: readonly Span[], gold: readonly Span[]): number {
  const left = new Map<string, number>();
  for (const g of gold) bump(left, g.text.trim().toLowerCase());
  let tp = 0;
  for (const p of predicted) {
    const key = p.text.trim().toLowerCase();
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      tp++;
    }
  }
  return tp;
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Adds one report's results to a tally per row (keyed by row label). */
export function scoreReport(report: Report, found: readonly Entity[], tallies: Map<string, Tally>): void {
  for (const { label, kinds, types } of ROWS) {
    let tally = tallies.get(label);
    if (!tally) tallies.set(label, (tally = emptyTally()));
    const gold = report.mentions.filter((m) => types.includes(m.type));
    const predicted = found
      .filter((e) => kinds.includes(e.kind))
      .flatMap((e) => e.mentions)
      .sort((a, b) => a.start - b.start);
    tally.predicted += predicted.length;
    tally.gold += gold.length;
    tally.exact += truePositives(predicted, gold, false);
    tally.overlap += truePositives(predicted, gold, true);
    tally.surface += surfaceMatches(predicted, gold);
    for (const p of predicted) if (!gold.some((g) => p.start < g.end && g.start < p.end)) bump(tally.falseHits, p.text);
    for (const p of predicted) {
      const overlapping = gold.filter((g) => p.start < g.end && g.start < p.end);
      if (!overlapping.length || overlapping.some((g) => g.start === p.start && g.end === p.end)) continue;
      bump(tally.boundaries, `${JSON.stringify(clip(p.text))} ≠ ${JSON.stringify(clip(overlapping[0].text))}`);
      bump(tally.boundaryClasses, boundaryClass(p, overlapping[0]));
    }
    for (const g of gold) if (!predicted.some((p) => p.start < g.end && g.start < p.end)) bump(tally.misses, g.text);
  }
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
/** `--digits=3` prints three decimals, to tell small changes apart. */
const DIGITS = Number(process.argv.find((a) => a.startsWith('--digits='))?.slice('--digits='.length) ?? 2);
const fmt = (x: number) => x.toFixed(DIGITS);

export type Matching = 'exact' | 'overlap' | 'surface';

export function prf(tally: Tally, matching: Matching | boolean): { p: number; r: number; f: number } {
  const by: Matching = matching === true ? 'overlap' : matching === false ? 'exact' : matching;
  const tp = tally[by];
  const p = tally.predicted ? tp / tally.predicted : 0;
  const r = tally.gold ? tp / tally.gold : 0;
  return { p, r, f: f1(p, r) };
}

const cell = (t: Tally, matching: Matching) => {
  const { p, r, f } = prf(t, matching);
  return `${fmt(p)} / ${fmt(r)} / ${fmt(f)}`;
};
const top = (m: Map<string, number>, n = 15) =>
  [...m]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t, n]) => `${t}×${n}`)
    .join(', ');

export const HEADER = 'kind          split     gold  pred   exact P/R/F1        overlap P/R/F1      surface P/R/F1';

export function printTallies(split: string, tallies: Map<string, Tally>, details: boolean, labels?: readonly string[]): void {
  for (const { label } of ROWS) {
    if (labels && !labels.includes(label)) continue;
    const t = tallies.get(label) ?? emptyTally();
    console.log(
      `${label.padEnd(13)} ${split.padEnd(8)} ${String(t.gold).padStart(5)} ${String(t.predicted).padStart(5)}   ${cell(t, 'exact')}   ${cell(t, 'overlap')}   ${cell(t, 'surface')}`,
    );
    if (details) {
      console.log(`    false hits: ${top(t.falseHits)}`);
      console.log(`    misses:     ${top(t.misses)}`);
      const mismatched = [...t.boundaries.values()].reduce((a, b) => a + b, 0);
      console.log(`    boundaries: ${mismatched} overlap with other bounds: ${top(t.boundaryClasses)}`);
      console.log(`      found ≠ labelled: ${top(t.boundaries, 10)}`);
    }
  }
}
