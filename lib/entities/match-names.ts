/**
 * Finding dictionary names in text: one Aho–Corasick pass over the text (UTF-16 code units) for all
 * patterns, case-folded and case-exact ones alike, then name boundaries and overlap resolution.
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

/** The folded code units of a pattern, whitespace runs as one space, trimmed. */
function foldPattern(form: string, table: Uint16Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < form.length; i++) {
    const c = table[form.charCodeAt(i)];
    if (c === SPACE && (out.length === 0 || out[out.length - 1] === SPACE)) continue;
    out.push(c);
  }
  while (out.length && out[out.length - 1] === SPACE) out.pop();
  return out;
}

/**
 * Aho–Corasick automaton over code units. Case-folded patterns live in a `~` trie, exact ones in
 * a `=` trie; both are walked over the same text in one loop.
 */
class Automaton {
  /** Transitions of state s: keys `edgeChar[edgeStart[s]..edgeStart[s+1]]`, sorted. */
  private edgeStart: Int32Array;
  private edgeChar: Uint16Array;
  private edgeTarget: Int32Array;
  private fail: Int32Array;
  /** Patterns ending in state s: `outPattern[outStart[s]..outStart[s+1]]`, own and inherited. */
  private outStart: Int32Array;
  private outPattern: Int32Array;
  /** The root's transitions, dense: most text is read at or near the root. */
  private rootNext = new Int32Array(0x10000);
  readonly lengths: number[];

  constructor(patterns: readonly number[][]) {
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((units, index) => {
      if (units.length === 0) return;
      let state = 0;
      for (const c of units) {
        let next = children[state].get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push([]);
          children[state].set(c, next);
        }
        state = next;
      }
      ends[state].push(index);
    });
    const n = children.length;
    this.edgeStart = new Int32Array(n + 1);
    let edges = 0;
    for (let s = 0; s < n; s++) {
      this.edgeStart[s] = edges;
      edges += children[s].size;
    }
    this.edgeStart[n] = edges;
    for (const [c, t] of children[0]) this.rootNext[c] = t;
    this.edgeChar = new Uint16Array(edges);
    this.edgeTarget = new Int32Array(edges);
    for (let s = 0; s < n; s++) {
      let k = this.edgeStart[s];
      for (const [c, t] of [...children[s]].sort((a, b) => a[0] - b[0])) {
        this.edgeChar[k] = c;
        this.edgeTarget[k++] = t;
      }
    }
    // Breadth-first failure links; outputs include those of the failure chain.
    this.fail = new Int32Array(n);
    const order: number[] = [0];
    const outputs: number[][] = ends.map((e) => [...e]);
    for (let head = 0; head < order.length; head++) {
      const s = order[head];
      for (const [c, t] of children[s]) {
        if (s !== 0) {
          let f = this.fail[s];
          while (f !== 0 && this.step(f, c) < 0) f = this.fail[f];
          const g = this.step(f, c);
          this.fail[t] = g >= 0 && g !== t ? g : 0;
          outputs[t].push(...outputs[this.fail[t]]);
        }
        order.push(t);
      }
    }
    this.outStart = new Int32Array(n + 1);
    let total = 0;
    for (let s = 0; s < n; s++) {
      this.outStart[s] = total;
      total += outputs[s].length;
    }
    this.outStart[n] = total;
    this.outPattern = new Int32Array(total);
    for (let s = 0; s < n; s++) this.outPattern.set(outputs[s], this.outStart[s]);
  }

  /** The transition from `state` on `c`, or -1. */
  private step(state: number, c: number): number {
    let lo = this.edgeStart[state];
    let hi = this.edgeStart[state + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.edgeChar[mid];
      if (m === c) return this.edgeTarget[mid];
      if (m < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Follows failure links until `c` can be read (the root absorbs anything). */
  next(state: number, c: number): number {
    while (state !== 0) {
      const t = this.step(state, c);
      if (t >= 0) return t;
      state = this.fail[state];
    }
    return this.rootNext[c];
  }

  /** Calls `emit(pattern)` for every pattern ending in `state`. */
  outputs(state: number, emit: (pattern: number) => void): void {
    for (let k = this.outStart[state]; k < this.outStart[state + 1]; k++) emit(this.outPattern[k]);
  }

  hasOutput(state: number): boolean {
    return this.outStart[state + 1] > this.outStart[state];
  }
}

export function createNameMatcher<T>(patterns: readonly NamePattern<T>[]): NameMatcher<T> {
  const folded = patterns.filter((p) => !p.caseSensitive);
  const exact = patterns.filter((p) => p.caseSensitive);
  const foldedAutomaton = new Automaton(folded.map((p) => foldPattern(p.form.normalize('NFC'), FOLDED)));
  const exactAutomaton = new Automaton(exact.map((p) => foldPattern(p.form.normalize('NFC'), EXACT)));

  const findAll = (text: string): NameMatch<T>[] => {
    const spans = new Map<number, NameMatch<T>>();
    // positions[k] = offset in `text` of the k-th unit read (whitespace runs are read once).
    const positions = new Int32Array(text.length + 1);
    let read = 0;
    let lastSpace = true;
    let fs = 0;
    let es = 0;
    const record = (list: readonly NamePattern<T>[], automaton: Automaton, pattern: number, end: number) => {
      const length = automaton.lengths[pattern];
      const start = positions[read - length];
      if (!isAtNameBoundary(text, start, end)) return;
      const key = start * 0x100000 + (end - start);
      let span = spans.get(key);
      if (!span) {
        span = { start, end, text: text.slice(start, end), data: [] };
        spans.set(key, span);
      }
      const data = list[pattern].data;
      if (data !== undefined && !span.data.includes(data)) span.data.push(data);
    };
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const e = EXACT[code];
      if (e === SPACE) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      positions[read++] = i;
      // A match may not end in a space, and the character after it is looked at by the boundary rule.
      fs = foldedAutomaton.next(fs, FOLDED[code]);
      es = exactAutomaton.next(es, e);
      if (e === SPACE) continue;
      if (foldedAutomaton.hasOutput(fs)) foldedAutomaton.outputs(fs, (p) => record(folded, foldedAutomaton, p, i + 1));
      if (exactAutomaton.hasOutput(es)) exactAutomaton.outputs(es, (p) => record(exact, exactAutomaton, p, i + 1));
    }
    return [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  };

  return { findAll, find: (text) => selectLongest(findAll(text)) };
}
