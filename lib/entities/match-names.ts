/**
 * Finding dictionary names in text: the names are searched in folded copies of the text
 * (`folded-search.ts`: Aho–Corasick from @monyone/aho-corasick, case-folded for the case-insensitive
 * names, folded only for whitespace and dashes for the case-exact ones), then name boundaries and
 * overlap resolution here. Offsets always point into the original text.
 *
 * Boundaries: letters, digits and combining marks are name characters, and so are `-`, `.` and `_`
 * when they join two name characters. A match must not be preceded or followed by a name character
 * (or by such a joiner), so `Storm-1152` is not found in `Storm-11521`, `xStorm-1152` or
 * `storm-1152.example.com`, while `Storm-1152.` at the end of a sentence and `Storm-1152’s` are found.
 * One exception: a hyphenated English suffix such as `APT28-linked` does not make the name longer.
 *
 * Overlaps: the longest match wins (`Cobalt Strike` beats `Cobalt`); among equal lengths, the leftmost.
 */
import { EXACT, FOLDED, foldPattern, NameSearchGroup, type FoldedHit } from './folded-search';
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
const HYPHEN_SUFFIX =
  /^-(?:linked|related|affiliated|associated|attributed|aligned|backed|sponsored|style|like|led|owned|operated|controlled|based|specific|tied|connected)(?![\p{L}\p{N}])/iu;

function isNameChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NAME_CHAR.test(ch);
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

const LINK_MARKERS = ['://', '](', 'www.'];

/**
 * A word right after a slash is an alternative in prose, not a path's part, when all that comes before
 * the slash (back to a space) is one word: "RootKit/Bootkit", "Israel/Palestine"; not "/mitre/T1059" or
 * "attack.mitre.org/T1059".
 */
function isAlternativeAfterSlash(text: string, start: number): boolean {
  let from = start - 1;
  while (from > 0 && start - from < 40 && !/\s/.test(text[from - 1])) from--;
  if (from > 0 && !/\s/.test(text[from - 1])) return false;
  return /^\p{L}[\p{L}\p{N}-]*\/$/u.test(text.slice(from, start));
}

/**
 * Whether a span lies in a web address or a file or registry path: after a slash (but for one word
 * and a slash before it, `isAlternativeAfterSlash`), next to a backslash, before a version ("Mozilla/5.0"), or after `://`, `](` or `www.` in the same run of
 * non-space characters. Such text locates something in a URL or a file system; it does not mention
 * the entity. Shared by the technique, organisation and place finders.
 */
export function isInsideLinkOrPath(text: string, start: number, end: number): boolean {
  // A slash after the span counts only before a digit: "Israel/Palestine" begins with prose.
  const before = text[start - 1];
  if (before === '\\' || text[end] === '\\') return true;
  if (before === '/' && !isAlternativeAfterSlash(text, start)) return true;
  if (text[end] === '/' && /\d/.test(text[end + 1] ?? '')) return true;
  let from = start;
  while (from > 0 && start - from < 300 && !/\s/.test(text[from - 1])) from--;
  const run = text.slice(from, start);
  return LINK_MARKERS.some((marker) => run.includes(marker));
}

/**
 * Adds `span` to `chosen` (sorted by start, no two overlapping) unless it overlaps one already there;
 * one binary search, so choosing among n spans costs n log n comparisons.
 */
export function claimIfFree<M extends { start: number; end: number }>(chosen: M[], span: M): boolean {
  let lo = 0;
  let hi = chosen.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chosen[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && chosen[lo - 1].end > span.start) return false;
  if (lo < chosen.length && chosen[lo].start < span.end) return false;
  chosen.splice(lo, 0, span);
  return true;
}

/** Non-overlapping selection: longest first, then leftmost. Result is in text order. */
export function selectLongest<M extends { start: number; end: number }>(matches: readonly M[]): M[] {
  const byPreference = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: M[] = [];
  for (const match of byPreference) claimIfFree(chosen, match);
  return chosen;
}

export interface NameMatcher<T> {
  /** Every bounded occurrence of a pattern, overlaps included, in text order. */
  findAll(text: string): NameMatch<T>[];
  /** Non-overlapping occurrences, the longest winning. */
  find(text: string): NameMatch<T>[];
}

/**
 * Builds a matcher for `patterns`. Matchers given the same `group` are searched together (see
 * folded-search.ts); without one, the matcher has a group of its own.
 */
export function createNameMatcher<T>(patterns: readonly NamePattern<T>[], group = new NameSearchGroup()): NameMatcher<T> {
  const folded = patterns.filter((p) => !p.caseSensitive);
  const exact = patterns.filter((p) => p.caseSensitive);
  const member = group.register(() => ({
    folded: folded.map((p) => foldPattern(p.form.normalize('NFC'), FOLDED)),
    exact: exact.map((p) => foldPattern(p.form.normalize('NFC'), EXACT)),
  }));

  const findAll = (text: string): NameMatch<T>[] => {
    const spans = new Map<number, NameMatch<T>>();
    const hits = group.hits(text, member);
    const record = (list: readonly NamePattern<T>[], hit: FoldedHit) => {
      const start = hits.view.positions[hit.begin];
      const stop = hits.view.positions[hit.end - 1] + 1;
      if (!isAtNameBoundary(text, start, stop)) return;
      const key = start * 0x100000 + (stop - start);
      let span = spans.get(key);
      if (!span) {
        span = { start, end: stop, text: text.slice(start, stop), data: [] };
        spans.set(key, span);
      }
      for (const index of hit.patterns) {
        const data = list[index].data;
        if (data !== undefined && !span.data.includes(data)) span.data.push(data);
      }
    };
    for (const hit of hits.folded) record(folded, hit);
    for (const hit of hits.exact) record(exact, hit);
    return [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  };

  return { findAll, find: (text) => selectLongest(findAll(text)) };
}
