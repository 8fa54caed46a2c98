/**
 * Finding an article's entity mentions again in the live page, so they can be marked there.
 *
 * Mention offsets point into the extracted article text, which is not the page's text: the page also
 * holds navigation, teasers and sidebars, which may name the same entity. So each mention travels with
 * its context (`quoteMention`), and `locateMentions` matches it to an occurrence of the same words in
 * the page whose context agrees. Whitespace is ignored when comparing context, because extraction
 * drops some whitespace-only text. Mentions of one name are matched in order (the article reads top
 * to bottom in the page too), so repeated phrases don't all land on the first occurrence; an
 * occurrence whose context does not agree (a teaser) is never used.
 */
import type { Mention } from './types';

export interface MentionQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

const CONTEXT = 32;
/** At least this share of the context must agree, counted from the mention outwards. */
const MIN_CONTEXT_AGREEMENT = 0.5;
/** Beyond this many mention × occurrence pairs, match greedily in order instead of optimally. */
const MAX_ALIGNMENT_CELLS = 2_000_000;

const squeeze = (text: string) => text.replace(/\s+/g, '');

export function quoteMention(text: string, mention: Mention): MentionQuote {
  return {
    exact: mention.text,
    prefix: squeeze(text.slice(Math.max(0, mention.start - CONTEXT * 3), mention.start)).slice(-CONTEXT),
    suffix: squeeze(text.slice(mention.end, mention.end + CONTEXT * 3)).slice(0, CONTEXT),
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well the page around `start` agrees with the mention's context: 0 to 1. */
function contextAgreement(pageText: string, start: number, quote: MentionQuote): number {
  const total = quote.prefix.length + quote.suffix.length;
  if (total === 0) return 1;
  const before = quoteMention(pageText, { start, end: start + quote.exact.length, text: quote.exact });
  return (commonSuffixLength(quote.prefix, before.prefix) + commonPrefixLength(quote.suffix, before.suffix)) / total;
}

function occurrencesOf(pageText: string, exact: string): number[] {
  const found: number[] = [];
  if (!exact) return found;
  for (let at = pageText.indexOf(exact); at !== -1; at = pageText.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** Best in-order pairing of mentions with occurrences, maximising total agreement. */
function align(scores: number[][], occurrenceCount: number): (number | null)[] {
  const m = scores.length;
  const n = occurrenceCount;
  if (m * n > MAX_ALIGNMENT_CELLS) {
    let next = 0;
    return scores.map((row) => {
      const j = row.findIndex((score, k) => k >= next && score >= MIN_CONTEXT_AGREEMENT);
      if (j === -1) return null;
      next = j + 1;
      return j;
    });
  }
  const best = Array.from({ length: m + 1 }, () => new Float64Array(n + 1));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const score = scores[i - 1][j - 1];
      const paired = score >= MIN_CONTEXT_AGREEMENT ? best[i - 1][j - 1] + score : -1;
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], paired);
    }
  }
  const result: (number | null)[] = new Array(m).fill(null);
  for (let i = m, j = n; i > 0 && j > 0;) {
    if (best[i][j] === best[i - 1][j]) i--;
    else if (best[i][j] === best[i][j - 1]) j--;
    else {
      result[i - 1] = j - 1;
      i--;
      j--;
    }
  }
  return result;
}

/**
 * Where each quoted mention is in `pageText`, or null when no occurrence there has matching context.
 * Results are in the order of `quotes`; no two share an occurrence.
 */
export function locateMentions(pageText: string, quotes: readonly MentionQuote[]): (Mention | null)[] {
  const result: (Mention | null)[] = new Array(quotes.length).fill(null);
  const byExact = new Map<string, number[]>();
  quotes.forEach((quote, i) => byExact.set(quote.exact, [...(byExact.get(quote.exact) ?? []), i]));
  for (const [exact, indices] of byExact) {
    const occurrences = occurrencesOf(pageText, exact);
    const scores = indices.map((i) => occurrences.map((start) => contextAgreement(pageText, start, quotes[i])));
    align(scores, occurrences.length).forEach((j, k) => {
      if (j === null) return;
      const start = occurrences[j];
      result[indices[k]] = { start, end: start + exact.length, text: exact };
    });
  }
  return result;
}
