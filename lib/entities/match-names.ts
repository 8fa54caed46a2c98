/**
 * Finding dictionary names in text: two Aho–Corasick passes (@monyone/aho-corasick, over UTF-16 code
 * units), one over a case-folded copy of the text for the case-insensitive patterns and one over a
 * copy folded only for whitespace and dashes for the case-exact ones; then name boundaries and overlap
 * resolution.
 *
 * Folding: for the case-insensitive patterns every code unit is lower-cased (one unit to one unit);
 * for all patterns, any whitespace (no-break spaces, newlines, runs of spaces) reads as one space and
 * typographic dashes as `-`. Offsets always point into the original text. The scan is linear in the
 * text length; a one-megabyte page takes tens of milliseconds.
 *
 * Boundaries: letters, digits and combining marks are name characters, and so are `-`, `.` and `_`
 * when they join two name characters. A match must not be preceded or followed by a name character
 * (or by such a joiner), so `Storm-1152` is not found in `Storm-11521`, `xStorm-1152` or
 * `storm-1152.example.com`, while `Storm-1152.` at the end of a sentence and `Storm-1152’s` are found.
 * One exception: a hyphenated English suffix such as `APT28-linked` does not make the name longer.
 *
 * Overlaps: the longest match wins (`Cobalt Strike` beats `Cobalt`); among equal lengths, the leftmost.
 */
import { AhoCorasick } from '@monyone/aho-corasick';
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

const SPACE = 0x20;
const DASH = 0x2d;

/** Code-unit folding tables: `EXACT` unifies whitespace and dashes only, `FOLDED` also lower-cases. */
const EXACT = new Uint16Array(0x10000);
const FOLDED = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  let exact = c;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) exact = DASH;
  else if (c === 0x2018 || c === 0x2019) exact = 0x27;
  else if (c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) exact = SPACE;
  EXACT[c] = exact;
  if (exact !== c || (c >= 0xd800 && c <= 0xdfff)) FOLDED[c] = exact;
  else {
    const lower = String.fromCharCode(c).toLowerCase();
    FOLDED[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
}

/** A pattern folded with `table`: whitespace runs as one space, trimmed. */
function foldPattern(form: string, table: Uint16Array): string {
  const out: number[] = [];
  for (let i = 0; i < form.length; i++) {
    const c = table[form.charCodeAt(i)];
    if (c === SPACE && (out.length === 0 || out[out.length - 1] === SPACE)) continue;
    out.push(c);
  }
  while (out.length && out[out.length - 1] === SPACE) out.pop();
  return String.fromCharCode(...out);
}

/** The text folded both ways, whitespace runs read once; `positions[k]` is the text offset of unit k. */
interface FoldedText {
  exact: string;
  folded: string;
  positions: Int32Array;
}

/** Every finder folds the same article text; the last one folded is kept for the next. */
let lastFolded: { text: string; view: FoldedText } | null = null;

function foldText(text: string): FoldedText {
  if (lastFolded?.text === text) return lastFolded.view;
  const view = foldTextAnew(text);
  lastFolded = { text, view };
  return view;
}

function foldTextAnew(text: string): FoldedText {
  const exact = new Uint16Array(text.length);
  const folded = new Uint16Array(text.length);
  const positions = new Int32Array(text.length + 1);
  let read = 0;
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const e = EXACT[code];
    if (e === SPACE) {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    positions[read] = i;
    exact[read] = e;
    folded[read++] = FOLDED[code];
  }
  const decoder = new TextDecoder('utf-16le');
  return {
    exact: decoder.decode(exact.subarray(0, read)),
    folded: decoder.decode(folded.subarray(0, read)),
    positions,
  };
}

/**
 * One Aho–Corasick automaton (@monyone/aho-corasick) over folded patterns; several patterns may fold
 * to the same keyword, so each keyword remembers all of theirs.
 */
class FoldedPatterns {
  private readonly automaton: AhoCorasick | null;
  private readonly patternsOf = new Map<string, number[]>();

  constructor(keywords: readonly string[]) {
    keywords.forEach((keyword, index) => {
      if (!keyword) return;
      const list = this.patternsOf.get(keyword);
      if (list) list.push(index);
      else this.patternsOf.set(keyword, [index]);
    });
    this.automaton = this.patternsOf.size > 0 ? new AhoCorasick([...this.patternsOf.keys()]) : null;
  }

  /** Every occurrence in the folded text, overlaps included: [begin, end) in folded units, with its patterns. */
  search(folded: string, emit: (begin: number, end: number, patterns: readonly number[]) => void): void {
    if (!this.automaton) return;
    for (const { begin, end, keyword } of this.automaton.matchInText(folded)) emit(begin, end, this.patternsOf.get(keyword)!);
  }
}

export function createNameMatcher<T>(patterns: readonly NamePattern<T>[]): NameMatcher<T> {
  const folded = patterns.filter((p) => !p.caseSensitive);
  const exact = patterns.filter((p) => p.caseSensitive);
  const foldedPatterns = new FoldedPatterns(folded.map((p) => foldPattern(p.form.normalize('NFC'), FOLDED)));
  const exactPatterns = new FoldedPatterns(exact.map((p) => foldPattern(p.form.normalize('NFC'), EXACT)));

  const findAll = (text: string): NameMatch<T>[] => {
    const spans = new Map<number, NameMatch<T>>();
    const view = foldText(text);
    const record = (list: readonly NamePattern<T>[]) => (begin: number, end: number, indices: readonly number[]) => {
      const start = view.positions[begin];
      const stop = view.positions[end - 1] + 1;
      if (!isAtNameBoundary(text, start, stop)) return;
      const key = start * 0x100000 + (stop - start);
      let span = spans.get(key);
      if (!span) {
        span = { start, end: stop, text: text.slice(start, stop), data: [] };
        spans.set(key, span);
      }
      for (const index of indices) {
        const data = list[index].data;
        if (data !== undefined && !span.data.includes(data)) span.data.push(data);
      }
    };
    foldedPatterns.search(view.folded, record(folded));
    exactPatterns.search(view.exact, record(exact));
    return [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  };

  return { findAll, find: (text) => selectLongest(findAll(text)) };
}
