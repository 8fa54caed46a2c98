/**
 * The name search of a compiled index: the same hits as `NameSearchGroup` (folded-search.ts) for the
 * same registrations, from typed-array automata built at build time (`typed-aho-corasick.ts`).
 *
 * Each folding (FOLDED, EXACT) has one automaton over the distinct keywords of every matcher and an
 * owner table: keyword k stands for the (member, pattern) pairs `ownerStart[k] … ownerStart[k + 1]`, in
 * order of registration, as `keywordOwners` lists them. Matchers register in the same order as when the
 * index was compiled, so their keywords are not folded again: `register` does not even ask for them.
 *
 * A member may be `dynamic` (the actor and software names once the user has actors of their own): it
 * registers its keywords as usual, and they are looked up in the compiled automaton (most are there);
 * the few that are not go into a small automaton built at once. The compiled owners of that member are
 * then not used.
 */
import { keywordOwners, NameSearchGroup, type FoldedHit, type MemberKeywords, type MemberSearch } from '../folded-search';
import { buildAhoCorasickTables, classTable, keywordId, searchTables, type AhoCorasickTables } from './typed-aho-corasick';

/** One folding's compiled search: the automaton and who each keyword stands for. */
export interface CompiledKeywordSearch {
  tables: AhoCorasickTables;
  ownerStart: Int32Array;
  ownerMember: Int32Array;
  ownerPattern: Int32Array;
}

export interface CompiledSearches {
  memberCount: number;
  folded: CompiledKeywordSearch;
  exact: CompiledKeywordSearch;
}

/** Compiles the searches over a group's registered keywords. */
export function compileSearches(group: NameSearchGroup): CompiledSearches {
  const { folded, exact } = group.registeredKeywords();
  return { memberCount: group.memberCount, folded: compileKeywordSearch(folded), exact: compileKeywordSearch(exact) };
}

function compileKeywordSearch(members: readonly (readonly string[])[]): CompiledKeywordSearch {
  const owners = keywordOwners(members);
  const keywords = [...owners.keys()];
  const ownerStart = new Int32Array(keywords.length + 1);
  const total = [...owners.values()].reduce((sum, list) => sum + list.length, 0);
  const ownerMember = new Int32Array(total);
  const ownerPattern = new Int32Array(total);
  let at = 0;
  keywords.forEach((keyword, k) => {
    ownerStart[k] = at;
    for (const { member, pattern } of owners.get(keyword)!) {
      ownerMember[at] = member;
      ownerPattern[at++] = pattern;
    }
  });
  ownerStart[keywords.length] = at;
  return { tables: buildAhoCorasickTables(keywords), ownerStart, ownerMember, ownerPattern };
}

/** A dynamic member's keywords: pattern lists by compiled keyword id, and the keywords the index lacks. */
interface DynamicMember {
  member: number;
  byKeyword: Map<number, number[]>;
  extra: { tables: AhoCorasickTables; classes: Uint16Array; patterns: number[][] } | null;
}

class CompiledMemberSearch implements MemberSearch {
  private readonly classes: Uint16Array;
  private readonly dynamic: DynamicMember[];
  private readonly isDynamic: Uint8Array;

  constructor(
    private readonly compiled: CompiledKeywordSearch,
    memberCount: number,
    dynamicKeywords: Map<number, readonly string[]>,
  ) {
    this.classes = classTable(compiled.tables);
    this.isDynamic = new Uint8Array(memberCount);
    this.dynamic = [...dynamicKeywords].map(([member, keywords]) => {
      this.isDynamic[member] = 1;
      const byKeyword = new Map<number, number[]>();
      const missing = new Map<string, number[]>();
      keywords.forEach((keyword, pattern) => {
        if (!keyword) return;
        const id = keywordId(compiled.tables, this.classes, keyword);
        const list = id >= 0 ? byKeyword.get(id) : missing.get(keyword);
        if (list) list.push(pattern);
        else if (id >= 0) byKeyword.set(id, [pattern]);
        else missing.set(keyword, [pattern]);
      });
      let extra: DynamicMember['extra'] = null;
      if (missing.size > 0) {
        const tables = buildAhoCorasickTables([...missing.keys()]);
        extra = { tables, classes: classTable(tables), patterns: [...missing.values()] };
      }
      return { member, byKeyword, extra };
    });
  }

  search(text: string, memberCount: number): FoldedHit[][] {
    const hits: FoldedHit[][] = Array.from({ length: memberCount }, () => []);
    const { tables, ownerStart, ownerMember, ownerPattern } = this.compiled;
    const { keywordLength } = tables;
    const isDynamic = this.isDynamic;
    searchTables(tables, this.classes, text, (end, keyword) => {
      const begin = end - keywordLength[keyword];
      let hit: FoldedHit | null = null;
      for (let o = ownerStart[keyword]; o < ownerStart[keyword + 1]; o++) {
        const member = ownerMember[o];
        if (isDynamic[member]) continue;
        // Owners come sorted by member, so one member's patterns are next to each other.
        if (!hit || o === ownerStart[keyword] || ownerMember[o - 1] !== member) {
          hit = { begin, end, patterns: [] };
          hits[member].push(hit);
        }
        hit.patterns.push(ownerPattern[o]);
      }
      for (const dynamic of this.dynamic) {
        const patterns = dynamic.byKeyword.get(keyword);
        if (patterns) hits[dynamic.member].push({ begin, end, patterns: [...patterns] });
      }
    });
    for (const { member, extra } of this.dynamic) {
      if (!extra) continue;
      searchTables(extra.tables, extra.classes, text, (end, keyword) => {
        hits[member].push({ begin: end - extra.tables.keywordLength[keyword], end, patterns: [...extra.patterns[keyword]] });
      });
    }
    return hits;
  }
}

export class CompiledNameSearchGroup extends NameSearchGroup {
  private readonly dynamicKeywords = { folded: new Map<number, readonly string[]>(), exact: new Map<number, readonly string[]>() };

  /** `dynamicMembers`: the members whose keywords may differ from the compiled ones (see the module comment). */
  constructor(
    private readonly compiled: CompiledSearches,
    private readonly dynamicMembers: ReadonlySet<number> = new Set(),
  ) {
    super();
  }

  override register(keywords: () => MemberKeywords): number {
    const member = this.memberCount;
    if (this.dynamicMembers.has(member)) {
      const own = keywords();
      this.dynamicKeywords.folded.set(member, own.folded);
      this.dynamicKeywords.exact.set(member, own.exact);
    }
    // The compiled tables hold the others' keywords; the base class only counts members.
    return super.register(() => ({ folded: [], exact: [] }));
  }

  protected override buildSearches(): { folded: MemberSearch; exact: MemberSearch } {
    if (this.memberCount !== this.compiled.memberCount) {
      throw new Error(`entity index: ${this.memberCount} name lists registered, the index was compiled for ${this.compiled.memberCount}`);
    }
    return {
      folded: new CompiledMemberSearch(this.compiled.folded, this.memberCount, this.dynamicKeywords.folded),
      exact: new CompiledMemberSearch(this.compiled.exact, this.memberCount, this.dynamicKeywords.exact),
    };
  }
}
