/**
 * Where a quote might be now: the places matchQuote scores. Pure string logic on normalised text.
 *
 * Fuzzy search uses approx-string-match (Myers' bit-parallel algorithm). With errors capped at 32 its
 * cut-off keeps at most two 32-bit blocks active per text character whatever the quote's length, so a
 * 300-character quote costs about what a 32-character one does (measured: 3 ms against 2 ms over the
 * 136,000 normalised characters of wikipedia-2). Long quotes therefore need no splitting; what needs care
 * is that the library reports only the lowest-error matches of each call, so a near-identical decoy
 * could hide the true, slightly more edited place. Hence several bounded searches instead of one: near
 * each hint, just after each occurrence of the prefix, just before each occurrence of the suffix, and
 * over the page in chunks, each reporting its own best.
 */
import search from 'approx-string-match';
import { type Candidate, decisivelyNearer, hintDistance, type Query, scoreCandidate, uniqueQuoteCredit } from './quote-score';
import { editDistance } from './similarity';

/** Cap on places scored per source: beyond it a quote is too common for the text alone to place it. */
const MAX_OCCURRENCES = 5000;
/** How far from a hint an in-place match may start: allows for small edits earlier in the page. */
const IN_PLACE_REACH = 128;
/** Shortest stored contexts that make an in-place match trustworthy. */
const IN_PLACE_MIN_CONTEXT = 16;
/** The in-place rule may accept a quote with up to half its characters edited... */
const IN_PLACE_MIN_QUOTE_SCORE = 0.5;
/** ...but only for quotes short enough for a full edit-distance table. */
const IN_PLACE_MAX_QUOTE = 2000;
/** Most prefix occurrences examined for bracket sites; a 16+ character context found more often is boilerplate. */
const MAX_BRACKET_SITES = 50;
/** Search-chunk length for the page-wide fuzzy pass. */
const CHUNK = 16384;
/** Context occurrences followed up in the fuzzy pass; a context found more often than this says little. */
const MAX_CONTEXT_SITES = 20;
/** Characters of prefix (its end) and suffix (its start) looked up to find context sites. */
const CONTEXT_PROBE = 16;

/** Start offsets of `needle` lying entirely within [from, to) of `text`, in order. */
export function occurrences(text: string, needle: string, from = 0, to = text.length, limit = MAX_OCCURRENCES): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  const lo = Math.max(0, from);
  const window = lo === 0 && to >= text.length ? text : text.slice(lo, Math.max(lo, to));
  for (let i = window.indexOf(needle); i >= 0 && found.length < limit; i = window.indexOf(needle, i + 1)) {
    found.push(lo + i);
  }
  return found;
}

export function exactCandidates(query: Query): Candidate[] {
  const found = occurrences(query.text, query.quote);
  const credit = found.length === 1 ? uniqueQuoteCredit(query.quote.length) : 0;
  return found.map((start) => scoreCandidate(query, start, start + query.quote.length, 0, credit));
}

/**
 * Bracket sites: places where the stored prefix and suffix both still occur verbatim, as far apart as
 * the quote (give or take half its length), with the text between them at most half edited. Searched
 * for in text[from, to) (prefix positions), or null when the prefix is too common there to mean anything.
 */
function bracketSites(query: Query, from: number, to: number): Candidate[] | null {
  const { text, quote, prefix, suffix } = query;
  const slack = Math.floor(quote.length / 2);
  const prefixes = occurrences(text, prefix, from, to, MAX_BRACKET_SITES + 1);
  if (prefixes.length > MAX_BRACKET_SITES) return null;
  const sites: Candidate[] = [];
  for (const at of prefixes) {
    const start = at + prefix.length;
    for (const end of occurrences(text, suffix, start + quote.length - slack, start + quote.length + slack + suffix.length, 4)) {
      const errors = editDistance(quote, text.slice(start, end));
      if (1 - errors / quote.length >= IN_PLACE_MIN_QUOTE_SCORE) sites.push(scoreCandidate(query, start, end, errors));
    }
  }
  return sites;
}

/**
 * The in-place rule: at a hinted position, the stored prefix and suffix are both still there verbatim and
 * the text between them is the quote with edits. The page changed inside the highlight and nowhere around
 * it, so this is the highlight, even if a verbatim copy of the old quote exists elsewhere (duplicated
 * passages are where "first exact match wins" attaches highlights to the wrong copy). If other bracket
 * sites exist, the one near the hint must be decisively nearer (decisivelyNearer), or the rule stands down.
 */
export function inPlaceCandidate(query: Query): Candidate | null {
  const { prefix, suffix, quote } = query;
  if (prefix.length < IN_PLACE_MIN_CONTEXT || suffix.length < IN_PLACE_MIN_CONTEXT) return null;
  if (quote.length > IN_PLACE_MAX_QUOTE) return null;
  let best: Candidate | null = null;
  let bestDistance = Infinity;
  for (const hint of query.hints) {
    for (const site of bracketSites(query, hint - IN_PLACE_REACH - prefix.length, hint + IN_PLACE_REACH) ?? []) {
      const distance = hintDistance(query, site.start);
      if (distance < bestDistance || (distance === bestDistance && site.errors < best!.errors)) {
        best = site;
        bestDistance = distance;
      }
    }
  }
  if (!best) return null;
  // Only now the whole page: most highlights have no bracket site near a hint, and skip this scan.
  const everywhere = bracketSites(query, 0, query.text.length);
  if (!everywhere) return null;
  for (const rival of everywhere) {
    if (!overlaps(rival, best) && !decisivelyNearer(query, best, rival)) return null;
  }
  return best;
}

/** Best approximate matches of the quote inside text[from, to), in page offsets. */
function searchWindow(query: Query, from: number, to: number, into: Map<string, Candidate>): void {
  const lo = Math.max(0, from);
  const hi = Math.min(query.text.length, to);
  if (hi - lo < query.quote.length - query.maxErrors) return;
  const matches = search(query.text.slice(lo, hi), query.quote, query.maxErrors);
  for (const match of matches.slice(0, MAX_OCCURRENCES)) {
    const start = lo + match.start;
    const end = lo + match.end;
    const key = `${start}:${end}`;
    if (!into.has(key)) into.set(key, scoreCandidate(query, start, end, match.errors));
  }
}

/** Where a piece of stored context occurs, if it is distinctive enough to be worth following. */
function contextSites(text: string, probe: string): number[] {
  if (probe.trim().length < CONTEXT_PROBE / 2) return [];
  const sites = occurrences(text, probe, 0, text.length, MAX_CONTEXT_SITES + 1);
  return sites.length > MAX_CONTEXT_SITES ? [] : sites;
}

/** Approximate matches near the hints, next to surviving context, and across the page. */
export function fuzzyCandidates(query: Query): Candidate[] {
  const { text, quote, prefix, suffix, maxErrors } = query;
  const found = new Map<string, Candidate>();
  if (maxErrors < 1) return [];
  const span = quote.length + maxErrors;
  for (const hint of query.hints) searchWindow(query, hint - IN_PLACE_REACH - span, hint + IN_PLACE_REACH + 2 * span, found);
  const head = prefix.slice(-CONTEXT_PROBE);
  for (const at of contextSites(text, head)) searchWindow(query, at + head.length, at + head.length + span + CONTEXT_PROBE, found);
  const tail = suffix.slice(0, CONTEXT_PROBE);
  for (const at of contextSites(text, tail)) searchWindow(query, at - span - CONTEXT_PROBE, at, found);
  for (let from = 0; from < text.length; from += CHUNK) searchWindow(query, from, from + CHUNK + span, found);
  return [...found.values()];
}

/** Whether two candidates claim overlapping text (variants of one place rather than rival places). */
export function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}
