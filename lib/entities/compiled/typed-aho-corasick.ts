/**
 * Aho–Corasick over UTF-16 code units, held in flat typed arrays so that it can be built once (at build
 * time, `compile-entity-index.ts`), written to bytes and read back without creating an object per state
 * or per keyword.
 *
 * @monyone/aho-corasick, which the runtime-built scanner uses, keeps a Map and a Set per trie node: fine
 * to build, but it cannot be written out, and building it is most of what a fresh background spent before
 * its first scan. These tables are the same automaton:
 * - code units that occur in no keyword map to class 0, which no state has an edge for, so the search
 *   falls back to the root at once; the others get classes 1…K (`alphabet`, sorted);
 * - states are numbered in breadth-first order, the root 0; state s has its edges at
 *   `edgeStart[s] … edgeStart[s + 1]`, sorted by class (`edgeClass`, `edgeTarget`); the root's edges are
 *   also a dense table (`rootNext`, one entry per class), since every failed search passes through it;
 * - `fail` is the failure link, `keywordAt` the keyword a state spells (or -1), `outLink` the nearest
 *   state on the failure chain that spells a keyword (or -1): the keywords ending at a position are
 *   read by following it, longest first, without a copy of them per state.
 * Searching is linear in the text plus the matches: each code unit moves down one edge at most, and each
 * failure link followed moves up at least one level.
 */

export interface AhoCorasickTables {
  /** The code units used by the keywords, ascending; class of `alphabet[i]` is i + 1. */
  alphabet: Uint16Array;
  rootNext: Int32Array;
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  keywordAt: Int32Array;
  outLink: Int32Array;
  /** Length in code units of each keyword. */
  keywordLength: Int32Array;
}

/** The tables for `keywords` (keyword i gets id i; empty and repeated keywords are ignored). */
export function buildAhoCorasickTables(keywords: readonly string[]): AhoCorasickTables {
  const units = new Set<number>();
  for (const keyword of keywords) for (let i = 0; i < keyword.length; i++) units.add(keyword.charCodeAt(i));
  const alphabet = Uint16Array.from([...units].sort((a, b) => a - b));
  const classOf = new Map<number, number>();
  alphabet.forEach((unit, i) => classOf.set(unit, i + 1));

  // The trie, with a Map per node while building (build time only).
  const children: Map<number, number>[] = [new Map()];
  const keywordAtList: number[] = [-1];
  keywords.forEach((keyword, id) => {
    if (!keyword) return;
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const cls = classOf.get(keyword.charCodeAt(i))!;
      let next = children[state].get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        keywordAtList.push(-1);
        children[state].set(cls, next);
      }
      state = next;
    }
    if (keywordAtList[state] < 0) keywordAtList[state] = id;
  });

  // Renumber breadth first, so that a state's failure link always has a smaller number.
  const order: number[] = [0];
  const renumber = new Int32Array(children.length);
  for (let head = 0; head < order.length; head++) {
    const sorted = [...children[order[head]].entries()].sort((a, b) => a[0] - b[0]);
    children[order[head]] = new Map(sorted);
    for (const [, child] of sorted) {
      renumber[child] = order.length;
      order.push(child);
    }
  }
  const stateCount = order.length;
  const edgeStart = new Int32Array(stateCount + 1);
  let edgeCount = 0;
  for (let s = 0; s < stateCount; s++) {
    edgeStart[s] = edgeCount;
    edgeCount += children[order[s]].size;
  }
  edgeStart[stateCount] = edgeCount;
  const edgeClass = new Uint16Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const keywordAt = new Int32Array(stateCount);
  for (let s = 0; s < stateCount; s++) {
    let e = edgeStart[s];
    for (const [cls, child] of children[order[s]]) {
      edgeClass[e] = cls;
      edgeTarget[e++] = renumber[child];
    }
    keywordAt[s] = keywordAtList[order[s]];
  }
  const rootNext = new Int32Array(alphabet.length + 1);
  for (let e = edgeStart[0]; e < edgeStart[1]; e++) rootNext[edgeClass[e]] = edgeTarget[e];

  const tables: AhoCorasickTables = {
    alphabet,
    rootNext,
    edgeStart,
    edgeClass,
    edgeTarget,
    fail: new Int32Array(stateCount),
    keywordAt,
    outLink: new Int32Array(stateCount).fill(-1),
    keywordLength: Int32Array.from(keywords, (k) => k.length),
  };
  // Failure and output links, breadth first (states are numbered so).
  for (let s = 0; s < stateCount; s++) {
    for (let e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
      const child = edgeTarget[e];
      const cls = edgeClass[e];
      let fail = 0;
      if (s !== 0) {
        let f = tables.fail[s];
        for (;;) {
          const next = step(tables, f, cls);
          if (next > 0) {
            fail = next;
            break;
          }
          if (f === 0) break;
          f = tables.fail[f];
        }
      }
      tables.fail[child] = fail;
      tables.outLink[child] = keywordAt[fail] >= 0 ? fail : tables.outLink[fail];
    }
  }
  return tables;
}

/** The state reached from `state` on `cls`, or 0 when it has no such edge (no edge ever leads to the root). */
function step(t: AhoCorasickTables, state: number, cls: number): number {
  if (state === 0) return t.rootNext[cls];
  const end = t.edgeStart[state + 1];
  for (let e = t.edgeStart[state]; e < end; e++) {
    const c = t.edgeClass[e];
    if (c === cls) return t.edgeTarget[e];
    if (c > cls) return 0;
  }
  return 0;
}

/** A unit → class table for searching (65,536 entries, filled from the alphabet). */
export function classTable(t: AhoCorasickTables): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let i = 0; i < t.alphabet.length; i++) table[t.alphabet[i]] = i + 1;
  return table;
}

/** The id of `keyword` if it is one of the keywords (the trie spelled exactly), or -1. */
export function keywordId(t: AhoCorasickTables, classes: Uint16Array, keyword: string): number {
  let state = 0;
  for (let i = 0; i < keyword.length; i++) {
    const cls = classes[keyword.charCodeAt(i)];
    if (cls === 0) return -1;
    state = step(t, state, cls);
    if (state === 0) return -1;
  }
  return keyword.length > 0 ? t.keywordAt[state] : -1;
}

/**
 * Calls `found(end, keyword)` for every occurrence of a keyword in `text`, overlaps included: in order of
 * `end` (exclusive), and at one end longest first.
 */
export function searchTables(
  t: AhoCorasickTables,
  classes: Uint16Array,
  text: string,
  found: (end: number, keyword: number) => void,
): void {
  const { rootNext, edgeStart, edgeClass, edgeTarget, fail, keywordAt, outLink } = t;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = classes[text.charCodeAt(i)];
    if (cls === 0) {
      state = 0;
      continue;
    }
    for (;;) {
      if (state === 0) {
        state = rootNext[cls];
        break;
      }
      let next = 0;
      const end = edgeStart[state + 1];
      for (let e = edgeStart[state]; e < end; e++) {
        const c = edgeClass[e];
        if (c >= cls) {
          if (c === cls) next = edgeTarget[e];
          break;
        }
      }
      if (next !== 0) {
        state = next;
        break;
      }
      state = fail[state];
    }
    if (state === 0) continue;
    for (let s = keywordAt[state] >= 0 ? state : outLink[state]; s >= 0; s = outLink[s]) found(i + 1, keywordAt[s]);
  }
}
