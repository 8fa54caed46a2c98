/**
 * Scoring anchoring results against where each highlight is known to be after a page change.
 */
import { NormalizedText, normalizeWhitespace } from '../../lib/anchoring/normalize';
import type { AnchorResult } from '../../lib/anchoring/types';

export type Outcome = 'correct' | 'orphan' | 'wrong';

export interface Tally {
  correct: number;
  orphan: number;
  wrong: number;
  /** Anchored results by method, to see which path did the work. */
  methods: Record<string, number>;
}

export const emptyTally = (): Tally => ({ correct: 0, orphan: 0, wrong: 0, methods: {} });

/**
 * Correct means the same place as expected, not merely the same text: a duplicate of the passage
 * elsewhere in the page is a wrong attachment. With `whitespaceInsensitive`, place and text are compared
 * on collapsed whitespace (the reflowed page has other raw offsets for the same words).
 */
export function classify(
  result: AnchorResult,
  expected: { start: number; end: number },
  text: NormalizedText,
  whitespaceInsensitive: boolean,
): Outcome {
  if (result.status === 'orphan') return 'orphan';
  if (result.start === expected.start && result.end === expected.end) return 'correct';
  if (!whitespaceInsensitive) return 'wrong';
  const sameStart = text.fromRaw(result.start) === text.fromRaw(expected.start);
  const sameText =
    normalizeWhitespace(text.raw.slice(result.start, result.end)) === normalizeWhitespace(text.raw.slice(expected.start, expected.end));
  return sameStart && sameText ? 'correct' : 'wrong';
}

export function count(tally: Tally, outcome: Outcome, result: AnchorResult): void {
  tally[outcome]++;
  if (result.status === 'anchored') tally.methods[result.method] = (tally.methods[result.method] ?? 0) + 1;
}

export function addTally(into: Tally, from: Tally): void {
  into.correct += from.correct;
  into.orphan += from.orphan;
  into.wrong += from.wrong;
  for (const [method, n] of Object.entries(from.methods)) into.methods[method] = (into.methods[method] ?? 0) + n;
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

function methods(tally: Tally): string {
  return Object.entries(tally.methods)
    .sort()
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
}

/** A Markdown table: one row per page and a total row. */
export function formatTable(title: string, rows: Array<[string, Tally]>): string {
  const total = emptyTally();
  for (const [, tally] of rows) addTally(total, tally);
  const line = (name: string, t: Tally) => {
    const n = t.correct + t.orphan + t.wrong;
    return `| ${name} | ${n} | ${t.correct} | ${t.orphan} | ${t.wrong} | ${percent(t.correct, n)} | ${methods(t)} |`;
  };
  return [
    `### ${title}`,
    '',
    '| page | highlights | restored | orphaned | wrong | restored % | methods |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(([name, tally]) => line(name, tally)),
    line('**total**', total),
    '',
  ].join('\n');
}

export function meetsBar(tally: Tally, minRestored: number): boolean {
  const n = tally.correct + tally.orphan + tally.wrong;
  return tally.wrong === 0 && n > 0 && tally.correct / n >= minRestored;
}
