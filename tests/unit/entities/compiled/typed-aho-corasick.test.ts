/**
 * The typed-array automaton (lib/entities/compiled/typed-aho-corasick.ts) against a naive matcher that
 * tries every keyword at every position, on random keyword sets and texts (fast-check), including code
 * units outside the Basic Latin block and lone surrogates; and linear time on inputs built to make a
 * careless failure-link walk quadratic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAhoCorasickTables, classTable, keywordId, searchTables } from '@/lib/entities/compiled/typed-aho-corasick';
import { HOSTILE_CHARS, repeatTo } from '../../../support/hostile-text';

/** Every (end, keyword id) of every keyword in `text`; first id of a repeated keyword only. */
function naive(keywords: readonly string[], text: string): string[] {
  const found: string[] = [];
  for (let end = 1; end <= text.length; end++) {
    keywords.forEach((keyword, id) => {
      if (keyword && keywords.indexOf(keyword) === id && end >= keyword.length && text.slice(end - keyword.length, end) === keyword)
        found.push(`${end}:${id}`);
    });
  }
  return found.sort();
}

function search(keywords: readonly string[], text: string): string[] {
  const tables = buildAhoCorasickTables(keywords);
  const found: string[] = [];
  searchTables(tables, classTable(tables), text, (end, keyword) => found.push(`${end}:${keyword}`));
  return found.sort();
}

// A small alphabet makes overlaps, shared prefixes and long failure chains common.
const unit = fc.constantFrom('a', 'b', 'c', 'A', ' ', '-', 'é', '\u4e2d', '\ud83d', '\ude00');
const word = fc.string({ unit, minLength: 0, maxLength: 6 });

describe('typed-array Aho–Corasick', () => {
  it('finds exactly what a naive matcher finds (random keywords and texts)', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.string({ unit, maxLength: 60 }), (keywords, text) => {
        expect(search(keywords, text)).toEqual(naive(keywords, text));
      }),
      { numRuns: 400 },
    );
  });

  it('reports the keywords ending at one position longest first, positions in order', () => {
    const tables = buildAhoCorasickTables(['he', 'she', 'hers', 'e']);
    const found: [number, number][] = [];
    searchTables(tables, classTable(tables), 'ushers', (end, keyword) => found.push([end, keyword]));
    expect(found).toEqual([
      [4, 1],
      [4, 0],
      [4, 3],
      [6, 2],
    ]);
  });

  it('knows its own keywords and only those', () => {
    const keywords = ['octo tempest', 'octo', 'storm-1152'];
    const tables = buildAhoCorasickTables(keywords);
    const classes = classTable(tables);
    keywords.forEach((keyword, id) => expect(keywordId(tables, classes, keyword)).toBe(id));
    for (const other of ['oct', 'octo tempests', 'storm', '', 'zzz']) expect(keywordId(tables, classes, other)).toBe(-1);
  });

  it('reads adversarial text in linear time', () => {
    // Keywords a…ab, aa…ab of every length: on a long run of a's each position could walk a long failure
    // chain if the links were followed naively; amortised, it is one step back per step forward.
    const keywords = Array.from({ length: 200 }, (_, k) => `${'a'.repeat(k + 1)}b`);
    const tables = buildAhoCorasickTables(keywords);
    const classes = classTable(tables);
    const time = (text: string) => {
      const start = performance.now();
      let count = 0;
      searchTables(tables, classes, text, () => count++);
      return { ms: performance.now() - start, count };
    };
    time(repeatTo('a', 10_000)); // warm-up
    const small = time(repeatTo('a', HOSTILE_CHARS / 8));
    const large = time(repeatTo('a', HOSTILE_CHARS * 5));
    expect(large.count).toBe(0);
    // A million characters: linear work takes milliseconds; quadratic (200 steps back per character) far longer.
    expect(large.ms, `${Math.round(large.ms)} ms for 1,000,000 characters, ${Math.round(small.ms)} ms for 25,000`).toBeLessThan(5_000);
    const withMatches = time(repeatTo('aaab', HOSTILE_CHARS));
    expect(withMatches.count).toBe((HOSTILE_CHARS / 4) * 3);
  });
});
