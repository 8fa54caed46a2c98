/**
 * What a search box query asks for, as folded substrings ("needles") that must all occur in a highlight's
 * text or its page's text:
 * - words, each anywhere (`spider` also finds "spiders");
 * - a phrase in double quotes, as written (an unclosed quote runs to the end, so typing a phrase narrows
 *   as it grows);
 * - `#tag`, a tag starting with that text (`#phish` finds "phishing", so results narrow as one types).
 */
import { foldText } from './fold-text';

/** Separators inside the search corpus (search-corpus.ts); never part of a needle except TAG_MARK. */
export const RECORD_END = '\u0000';
export const FIELD_MARK = '\u0001';
/** Starts every tag in the corpus, so a tag needle matches tags only and only from their start. */
export const TAG_MARK = '\u0002';

/** Longer queries are cut: what nobody types should not cost a scan per word. */
export const MAX_QUERY_LENGTH = 1_000;
export const MAX_NEEDLES = 16;

export interface ParsedQuery {
  /** Distinct needles, none contained in another, longest first (the rarest, usually, so the set shrinks fast). */
  needles: string[];
  /** The folded words and phrases (no tags), for marking hits in snippets. */
  words: string[];
}

const TOKEN = /"([^"]*)"?|(\S+)/g;
const CORPUS_MARKS = /[\u0000-\u0002]/g;

/** Reads a query as typed; an empty or blank query has no needles. */
export function parseQuery(query: string): ParsedQuery {
  const folded = foldText(query.slice(0, MAX_QUERY_LENGTH).replace(CORPUS_MARKS, ' '));
  const needles: string[] = [];
  const words: string[] = [];
  for (const [, phrase, word] of folded.matchAll(TOKEN)) {
    if (phrase !== undefined) {
      const text = phrase.trim();
      if (text) {
        needles.push(text);
        words.push(text);
      }
    } else if (word.startsWith('#')) {
      const tag = word.replace(/^#+/, '');
      if (tag) needles.push(TAG_MARK + tag);
    } else {
      needles.push(word);
      words.push(word);
    }
  }
  return { needles: essentialNeedles(needles), words: [...new Set(words)] };
}

/** Drops repeats and needles another one contains (whatever holds the longer holds the shorter). */
function essentialNeedles(needles: string[]): string[] {
  const sorted = [...new Set(needles)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const needle of sorted) {
    if (!kept.some((longer) => longer.includes(needle))) kept.push(needle);
  }
  return kept.slice(0, MAX_NEEDLES);
}

/**
 * Whether everything `next` finds is also found by `previous`: true when each earlier needle lies inside
 * some new one. Typing on at the end of a query does this, so the search can look only among the
 * earlier results.
 */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((old) => next.some((needle) => needle.includes(old)));
}
