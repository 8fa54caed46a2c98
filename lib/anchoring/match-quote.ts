/**
 * Finding a quote in a page's text again after the page changed. Pure string logic: no DOM.
 *
 * Everything happens on whitespace-normalised text (normalize.ts), so reflowed source, &nbsp; and line
 * breaks cost nothing; results map back to offsets in the original text. The order of work:
 * 1. the in-place rule (quote-candidates.ts): both contexts intact at a hinted position → that place;
 * 2. every exact occurrence, scored on context and position (quote-score.ts);
 * 3. unless an exact occurrence is confidently placed, approximate matches as well;
 * 4. the best candidate wins if it reaches MIN_SCORE and is not a guess (see decide()).
 */
import { NormalizedText, normalizeWhitespace } from './normalize';
import { exactCandidates, fuzzyCandidates, inPlaceCandidate, overlaps } from './quote-candidates';
import { type Candidate, decisivelyNearer, hintDistance, MIN_SCORE, type Query, scoreCandidate } from './quote-score';
import type { TextQuoteSelector } from './types';

export { MIN_SCORE } from './quote-score';

export interface QuoteMatch {
  start: number;
  end: number;
  score: number;
}

export interface MatchHint {
  /** Where the quote started when it was described (an offset in the same kind of text). */
  position?: number;
  /** Other places the quote is believed to start, e.g. from the page structure. */
  positions?: number[];
}

export interface QuoteSearch {
  /** The chosen place in raw text offsets; `exact` when its text is the quote, up to whitespace. */
  match: (QuoteMatch & { exact: boolean }) | null;
  /** The best score seen, also for an orphan. */
  bestScore: number;
}

/** An exact occurrence scoring this high (context all but intact) is not worth a fuzzy search. */
const CONFIDENT = 0.9;
/** Candidates whose text evidence differs by less than this are indistinguishable by their text. */
const TIE = 0.01;
/** Fuzzy matches allow errors in up to a quarter of the quote, never more than 32 (see quote-candidates.ts). */
const MAX_ERRORS = 32;

export function buildQuery(text: NormalizedText, selector: TextQuoteSelector, rawHints: number[]): Query {
  const quote = normalizeWhitespace(selector.exact);
  const hints = [...new Set(rawHints.filter((h) => Number.isFinite(h)).map((h) => text.fromRaw(h)))];
  return {
    text: text.text,
    quote,
    prefix: normalizeWhitespace(selector.prefix),
    suffix: normalizeWhitespace(selector.suffix),
    hints,
    maxErrors: Math.min(MAX_ERRORS, Math.floor(quote.length / 4)),
  };
}

function better(a: Candidate, b: Candidate, query: Query): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.errors !== b.errors) return a.errors < b.errors;
  const da = hintDistance(query, a.start);
  const db = hintDistance(query, b.start);
  return da !== db ? da < db : a.start < b.start;
}

function bestOf(candidates: Candidate[], query: Query, except?: Candidate): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (except && overlaps(c, except)) continue;
    if (!best || better(c, best, query)) best = c;
  }
  return best;
}

/**
 * The winner, unless it is too weak or a guess. Position may break a tie between places whose text and
 * context fit equally well only when it is decisive (decisivelyNearer); otherwise two places are equally
 * plausible, and an orphan is better than a coin toss.
 */
function decide(query: Query, candidates: Candidate[]): Candidate | null {
  const best = bestOf(candidates, query);
  if (!best || best.score < MIN_SCORE) return null;
  const rival = bestOf(candidates, query, best);
  if (rival && rival.score >= MIN_SCORE && rival.evidence > best.evidence - TIE && !decisivelyNearer(query, best, rival)) {
    return null;
  }
  return best;
}

/** Finds a quote in normalised text; hints are raw offsets. */
export function searchQuote(text: NormalizedText, selector: TextQuoteSelector, rawHints: number[] = []): QuoteSearch {
  const query = buildQuery(text, selector, rawHints);
  if (query.quote.trim().length === 0) return { match: null, bestScore: 0 };
  const inPlace = inPlaceCandidate(query);
  let candidates: Candidate[];
  let chosen: Candidate | null;
  if (inPlace && inPlace.score >= MIN_SCORE) {
    candidates = [inPlace];
    chosen = inPlace;
  } else {
    candidates = exactCandidates(query);
    if ((bestOf(candidates, query)?.score ?? 0) < CONFIDENT) candidates = candidates.concat(fuzzyCandidates(query));
    chosen = decide(query, candidates);
  }
  const bestScore = candidates.reduce((max, c) => Math.max(max, c.score), 0);
  if (!chosen) return { match: null, bestScore };
  const { start, end } = text.toRawRange(chosen.start, chosen.end);
  return { match: { start, end, score: chosen.score, exact: chosen.errors === 0 }, bestScore };
}

// The last text normalised: callers anchoring many quotes in one page pass the same string each time.
let cached: NormalizedText | null = null;

function normalized(text: string): NormalizedText {
  if (!cached || cached.raw !== text) cached = new NormalizedText(text);
  return cached;
}

/** Where `quote` is in `text` now, or null when no place is convincing enough (an orphan). */
export function matchQuote(text: string, quote: TextQuoteSelector, hint?: MatchHint): QuoteMatch | null {
  const hints = [...(hint?.position !== undefined ? [hint.position] : []), ...(hint?.positions ?? [])];
  const { match } = searchQuote(normalized(text), quote, hints);
  return match && { start: match.start, end: match.end, score: match.score };
}

/**
 * The score of raw range [start, end) of `text`, taken to hold the quote verbatim: how well its context
 * agrees. For checking a place the stored selectors point at before searching anywhere.
 */
export function scorePlace(text: NormalizedText, selector: TextQuoteSelector, start: number, end: number): number {
  const query = buildQuery(text, selector, [start]);
  return scoreCandidate(query, text.fromRaw(start), text.fromRaw(end), 0).score;
}
