/**
 * How much a stretch of text looks like the place a quote was taken from. Pure string logic, on
 * whitespace-normalised text (see normalize.ts).
 *
 * score = (50·quote + 20·prefix + 20·suffix + 10·position) / (sum of the weights that apply)
 *
 * - quote: 1 − edit errors / quote length.
 * - prefix, suffix: context similarity rescaled so that unrelated prose counts as 0 (see CONTEXT_FLOOR).
 *   An empty stored context (the quote was at the start or end of the page) fits only a candidate that
 *   is still at that edge: "nothing before it" is context too.
 * - position: 1 at a hinted position, falling linearly to 0 at POSITION_SCALE characters away; left out
 *   when there is no hint. It breaks ties; it can never rescue text or context that do not fit.
 *
 * The weights follow Hypothesis' quote matcher; position weighs more there than here relative to the
 * page size, because it is measured on an absolute scale, not as a fraction of the page.
 */
import { prefixSimilarity, suffixSimilarity } from './similarity';

export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 10 } as const;

/**
 * Below this an answer is an orphan. An exact quote whose context is gone scores at most 0.6 (quote and
 * position alone); an exact quote with one side of its context intact scores at least 0.7, as does a
 * passage with a quarter of its characters edited whose context is fully intact.
 */
export const MIN_SCORE = 0.7;

/**
 * Raw context similarity of unrelated prose on the real-page fixtures: median 0.25, 99th percentile 0.41,
 * 99.9th 0.53. Rescaling from this floor makes "context gone" score near 0 instead of a misleading 0.4,
 * while one edited word in a 32-character context (similarity about 0.8) still scores 0.6.
 */
export const CONTEXT_FLOOR = 0.5;

/** Characters from a hint at which the position score reaches 0. */
export const POSITION_SCALE = 2000;

/** Extra characters of page text compared with a stored context, so a few inserted characters cost only themselves. */
const CONTEXT_SLACK = 8;

/** A quote to look for, normalised, and where it is expected (normalised offsets). */
export interface Query {
  text: string;
  quote: string;
  prefix: string;
  suffix: string;
  hints: number[];
  /** Most edit errors a fuzzy match of the quote may have. */
  maxErrors: number;
}

export interface Candidate {
  start: number;
  end: number;
  errors: number;
  /** The combined score. */
  score: number;
  /** The score without the position term: what the text itself says about this place. */
  evidence: number;
}

export function rescaleContext(similarity: number): number {
  return Math.max(0, (similarity - CONTEXT_FLOOR) / (1 - CONTEXT_FLOOR));
}

function contextScore(expected: string, actual: string, similarity: (a: string, b: string) => number): number {
  if (expected.length === 0) return actual.trim().length === 0 ? 1 : 0;
  return rescaleContext(similarity(expected, actual));
}

/** Distance from `start` to the nearest hint, or Infinity without hints. */
export function hintDistance(query: Query, start: number): number {
  let best = Infinity;
  for (const hint of query.hints) best = Math.min(best, Math.abs(start - hint));
  return best;
}

export function scoreCandidate(query: Query, start: number, end: number, errors: number): Candidate {
  const { text, quote, prefix, suffix } = query;
  const before = text.slice(Math.max(0, start - prefix.length - CONTEXT_SLACK), start);
  const after = text.slice(end, end + suffix.length + CONTEXT_SLACK);
  let total = WEIGHTS.quote * Math.max(0, 1 - errors / Math.max(1, quote.length))
    + WEIGHTS.prefix * contextScore(prefix, before, prefixSimilarity)
    + WEIGHTS.suffix * contextScore(suffix, after, suffixSimilarity);
  let weight = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix;
  const evidence = total / weight;
  if (query.hints.length > 0) {
    total += WEIGHTS.position * Math.max(0, 1 - hintDistance(query, start) / POSITION_SCALE);
    weight += WEIGHTS.position;
  }
  return { start, end, errors, score: total / weight, evidence };
}
