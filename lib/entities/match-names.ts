/**
 * Finding dictionary names in text: one Aho–Corasick pass for the case-insensitive names and one for
 * the case-sensitive ones, then name boundaries and overlap resolution.
 *
 * Boundaries: letters, digits and combining marks are name characters, and so are `-`, `.` and `_`
 * when they join two name characters. A match must not be preceded or followed by a name character
 * (or by such a joiner), so `Storm-1152` is not found in `Storm-11521`, `xStorm-1152` or
 * `storm-1152.example.com`, while `Storm-1152.` at the end of a sentence and `Storm-1152’s` are found.
 * One exception: a hyphenated English suffix such as `APT28-linked` does not make the name longer.
 *
 * Overlaps: the longest match wins (`Cobalt Strike` beats `Cobalt`); among equal lengths, the leftmost.
 */
import AhoCorasick from 'modern-ahocorasick';
import TextMatcher from 'modern-ahocorasick/text';
import type { Mention } from './types';

export interface NamePattern<T> {
  form: string;
  caseSensitive: boolean;
  data: T;
}

export interface NameMatch<T> extends Mention {
  /** Data of every pattern that matched exactly this span. */
  data: T[];
}

const NAME_CHAR = /[\p{L}\p{N}\p{M}]/u;
const JOINERS = new Set(['-', '.', '_']);
/** Hyphenated suffixes that attach to a name in English without being part of it. */
const HYPHEN_SUFFIX = /^-(?:linked|related|affiliated|associated|attributed|aligned|backed|sponsored|style|like|led|owned|operated|controlled|based|specific|tied|connected)(?![\p{L}\p{N}])/iu;

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && NAME_CHAR.test(ch);
}

/** The code point ending just before `index` (a surrogate pair counts as one character). */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}

function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  const cp = text.codePointAt(index)!;
  return String.fromCodePoint(cp);
}

/** Whether `text.slice(start, end)` stands alone as a name (see the module comment). */
export function isAtNameBoundary(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  if (isNameChar(charAt(text, start))) {
    const before = charBefore(text, start);
    if (isNameChar(before)) return false;
    if (before !== undefined && JOINERS.has(before) && isNameChar(charBefore(text, start - 1))) return false;
  }
  if (isNameChar(charBefore(text, end))) {
    const after = charAt(text, end);
    if (isNameChar(after)) return false;
    if (after !== undefined && JOINERS.has(after) && isNameChar(charAt(text, end + 1))) {
      if (!(after === '-' && HYPHEN_SUFFIX.test(text.slice(end, end + 16)))) return false;
    }
  }
  return true;
}

/** Non-overlapping selection: longest first, then leftmost. Result is in text order. */
export function selectLongest<M extends { start: number; end: number }>(matches: readonly M[]): M[] {
  const byPreference = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: M[] = [];
  for (const match of byPreference) {
    if (chosen.every((c) => match.end <= c.start || match.start >= c.end)) chosen.push(match);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export interface NameMatcher<T> {
  /** Every bounded occurrence of a pattern, overlaps included, in text order. */
  findAll(text: string): NameMatch<T>[];
  /** Non-overlapping occurrences, the longest winning. */
  find(text: string): NameMatch<T>[];
}

export function createNameMatcher<T>(patterns: readonly NamePattern<T>[]): NameMatcher<T> {
  const insensitive = patterns.filter((p) => !p.caseSensitive);
  const sensitive = patterns.filter((p) => p.caseSensitive);
  // NFKC folds no-break spaces and compatibility forms; offsets still point into the original text.
  const folded = insensitive.length
    ? new TextMatcher(insensitive.map((p) => ({ pattern: p.form, data: p.data })), { caseFold: true, normalization: 'NFKC' })
    : null;
  const exact = sensitive.length ? new AhoCorasick(sensitive.map((p) => ({ pattern: p.form, data: p.data }))) : null;

  const findAll = (text: string): NameMatch<T>[] => {
    const spans = new Map<string, NameMatch<T>>();
    const hits = [...(folded?.search(text, { strategy: 'all' }) ?? []), ...(exact?.search(text, { strategy: 'all' }) ?? [])];
    for (const hit of hits) {
      if (!isAtNameBoundary(text, hit.start, hit.end)) continue;
      const key = `${hit.start}:${hit.end}`;
      let span = spans.get(key);
      if (!span) {
        span = { start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end), data: [] };
        spans.set(key, span);
      }
      if (hit.data !== undefined && !span.data.includes(hit.data)) span.data.push(hit.data);
    }
    return [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  };

  return { findAll, find: (text) => selectLongest(findAll(text)) };
}
