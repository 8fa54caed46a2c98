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
 *   A quote found verbatim exactly once gets some context credit for its length (uniqueQuoteCredit).
 * - position: 1 at a hinted position, falling linearly to 0 at POSITION_SCALE characters away; left out
 *   when there is no hint. It breaks ties; it can never rescue text or context that do not fit.
 *
 * The weights follow Hypothesis' quote matcher (50/20/20/2). Position weighs 10 here instead of 2 but
 * fades out over 2,000 characters instead of over the whole page, so on a long page it still separates
 * nearby candidates; at 10 of 100 it cannot outvote the text.
 */
import { prefixSimilarity, suffixSimilarity } from './similarity';

export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 10 } as const;

/**
 * Below this an answer is an orphan. A short or repeated exact quote whose context is gone scores at most
 * 0.6 (quote and position alone); an exact quote with one side of its context intact scores at least
 * 0.7, as does a passage with a quarter of its characters edited whose context is fully intact.
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

/**
 * Context credit for a quote that occurs exactly once, verbatim: a long enough quote is its own context.
 * 0 up to 32 characters, rising to 1 at 96. With it, a unique exact quote of about 50 characters or more
 * survives changes on both sides (an ad slotted in around a highlighted paragraph); short ones never do.
 */
export function uniqueQuoteCredit(quoteLength: number): number {
  return Math.max(0, Math.min(1, (quoteLength - 32) / 64));
}

/** Within this many characters of a hint, a candidate is where the hint says. */
const NEAR = 32;
/** Otherwise it must be this many times closer to a hint than a rival to count as the nearer one. */
const NEARER_RATIO = 4;

/**
 * Whether position alone can choose `winner` over `rival` when their text fits equally well. Hints are
 * off by whatever was inserted or removed above the highlight, which is unknown, so closeness decides
 * only when it is decisive: the winner sits at a hint, or is far closer to one than the rival.
 */
export function decisivelyNearer(query: Query, winner: Candidate, rival: Candidate): boolean {
  const distance = hintDistance(query, winner.start);
  return distance <= NEAR || distance * NEARER_RATIO <= hintDistance(query, rival.start);
}

/** Scores a candidate; `contextCredit` is the least each context side counts for (see uniqueQuoteCredit). */
export function scoreCandidate(query: Query, start: number, end: number, errors: number, contextCredit = 0): Candidate {
  const { text, quote, prefix, suffix } = query;
  const before = text.slice(Math.max(0, start - prefix.length - CONTEXT_SLACK), start);
  const after = text.slice(end, end + suffix.length + CONTEXT_SLACK);
  let total =
    WEIGHTS.quote * Math.max(0, 1 - errors / Math.max(1, quote.length)) +
    WEIGHTS.prefix * Math.max(contextCredit, contextScore(prefix, before, prefixSimilarity)) +
    WEIGHTS.suffix * Math.max(contextCredit, contextScore(suffix, after, suffixSimilarity));
  let weight = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix;
  const evidence = total / weight;
  if (query.hints.length > 0) {
    total += WEIGHTS.position * Math.max(0, 1 - hintDistance(query, start) / POSITION_SCALE);
    weight += WEIGHTS.position;
  }
  return { start, end, errors, score: total / weight, evidence };
}
