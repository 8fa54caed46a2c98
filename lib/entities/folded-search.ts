/**
 * Searching many names at once in folded text, with @monyone/aho-corasick (linear, UTF-16 offsets).
 *
 * The text is folded into same-length copies (`EXACT`: whitespace runs read once, typographic dashes
 * as `-`; `FOLDED`: also lower-cased, one code unit to one) and searched there; `positions` maps back
 * to the original text. Several matchers (one per entity kind) can share a `NameSearchGroup`: their
 * patterns go into one automaton per folding, so an article is read twice in all, not twice per
 * matcher, and the last text's hits are kept for the next matcher that asks.
 */
import { AhoCorasick } from '@monyone/aho-corasick';

export const SPACE = 0x20;
const DASH = 0x2d;

/** Code-unit folding tables: `EXACT` unifies whitespace and dashes only, `FOLDED` also lower-cases. */
export const EXACT = new Uint16Array(0x10000);
export const FOLDED = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  let exact = c;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) exact = DASH;
  else if (c === 0x2018 || c === 0x2019) exact = 0x27;
  else if (
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0x0d ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  )
    exact = SPACE;
  EXACT[c] = exact;
  if (exact !== c || (c >= 0xd800 && c <= 0xdfff)) FOLDED[c] = exact;
  else {
    const lower = String.fromCharCode(c).toLowerCase();
    FOLDED[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
}

/** A pattern folded with `table`: whitespace runs as one space, trimmed. */
export function foldPattern(form: string, table: Uint16Array): string {
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
export interface FoldedText {
  exact: string;
  folded: string;
  positions: Int32Array;
}

/** Every finder folds the same article text; the last one folded is kept for the next. */
let lastFolded: { text: string; view: FoldedText } | null = null;

export function foldText(text: string): FoldedText {
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

/** One occurrence: [begin, end) in folded units, and the (matcher's own) indices of the patterns found. */
export interface FoldedHit {
  begin: number;
  end: number;
  patterns: number[];
}

/** Keywords to search for: folded with FOLDED (case-insensitive) and with EXACT (case-exact). */
export interface MemberKeywords {
  folded: string[];
  exact: string[];
}

/** A search over the keywords of every member of a group, its hits sorted out per member. */
export interface MemberSearch {
  search(text: string, memberCount: number): FoldedHit[][];
}

/** The (member, pattern) pairs each distinct keyword stands for, in order of registration. */
export function keywordOwners(members: readonly (readonly string[])[]): Map<string, { member: number; pattern: number }[]> {
  const owners = new Map<string, { member: number; pattern: number }[]>();
  members.forEach((keywords, member) =>
    keywords.forEach((keyword, pattern) => {
      if (!keyword) return;
      const list = owners.get(keyword);
      if (list) list.push({ member, pattern });
      else owners.set(keyword, [{ member, pattern }]);
    }),
  );
  return owners;
}

/** One automaton over the keywords of several matchers; a keyword remembers every (matcher, pattern) it stands for. */
class SharedAutomaton implements MemberSearch {
  private readonly automaton: AhoCorasick | null;
  private readonly owners: Map<string, { member: number; pattern: number }[]>;

  constructor(members: readonly (readonly string[])[]) {
    this.owners = keywordOwners(members);
    this.automaton = this.owners.size > 0 ? new AhoCorasick([...this.owners.keys()]) : null;
  }

  /** Every occurrence in `text`, overlaps included, sorted out per member. */
  search(text: string, memberCount: number): FoldedHit[][] {
    const hits: FoldedHit[][] = Array.from({ length: memberCount }, () => []);
    if (!this.automaton) return hits;
    for (const { begin, end, keyword } of this.automaton.matchInText(text)) {
      const byMember = new Map<number, FoldedHit>();
      for (const { member, pattern } of this.owners.get(keyword)!) {
        let hit = byMember.get(member);
        if (!hit) {
          hit = { begin, end, patterns: [] };
          byMember.set(member, hit);
          hits[member].push(hit);
        }
        hit.patterns.push(pattern);
      }
    }
    return hits;
  }
}

/** Texts shorter than this are not worth caching. */
const SHORT_TEXT = 256;

export interface GroupHits {
  view: FoldedText;
  folded: FoldedHit[];
  exact: FoldedHit[];
}

export class NameSearchGroup {
  protected readonly folded: string[][] = [];
  protected readonly exact: string[][] = [];
  private automata: { folded: MemberSearch; exact: MemberSearch } | null = null;
  private last: { text: string; folded: FoldedHit[][]; exact: FoldedHit[][] } | null = null;

  /**
   * Adds a matcher's keywords (case-insensitive ones folded with FOLDED, exact ones with EXACT); returns
   * its number. The keywords are asked for through a function: a group read from a compiled index
   * (`compiled/compiled-search-group.ts`) already holds them and does not fold them again.
   */
  register(keywords: () => MemberKeywords): number {
    this.automata = null;
    this.last = null;
    const { folded, exact } = keywords();
    this.folded.push(folded);
    return this.exact.push(exact) - 1;
  }

  /** How many matchers have registered. */
  get memberCount(): number {
    return this.exact.length;
  }

  /** Every matcher's keywords, in order of registration (what `compile-entity-index.ts` compiles). */
  registeredKeywords(): { folded: readonly (readonly string[])[]; exact: readonly (readonly string[])[] } {
    return { folded: this.folded, exact: this.exact };
  }

  /** The searches over every registered keyword, built on first use. */
  protected buildSearches(): { folded: MemberSearch; exact: MemberSearch } {
    return { folded: new SharedAutomaton(this.folded), exact: new SharedAutomaton(this.exact) };
  }

  /**
   * Searches `text` for every matcher at once and keeps the hits for their `hits` calls: the scanner
   * runs this longest read as a step of its own.
   */
  searchAll(text: string): void {
    if (this.exact.length > 0) this.hits(text, 0);
  }

  /** A matcher's hits in `text`; the automata are built on first use, after every matcher has registered. */
  hits(text: string, member: number): GroupHits {
    // Short strings (a finder checking one name) are searched afresh and do not evict the article.
    const keep = text.length >= SHORT_TEXT;
    const view = keep ? foldText(text) : foldTextAnew(text);
    let found = keep && this.last?.text === text ? this.last : null;
    if (!found) {
      this.automata ??= this.buildSearches();
      found = {
        text,
        folded: this.automata.folded.search(view.folded, this.memberCount),
        exact: this.automata.exact.search(view.exact, this.memberCount),
      };
      if (keep) this.last = found;
    }
    return { view, folded: found.folded[member], exact: found.exact[member] };
  }
}
