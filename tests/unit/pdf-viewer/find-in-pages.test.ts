import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInPages, firstMatchFrom, foldForFind, MATCH_LIMIT, stepMatch } from '@/lib/pdf-viewer/find-in-pages';

describe('findInPages', () => {
  it('finds every match on every page, in document order, ignoring case', () => {
    const pages = ['Storm-1152 and STORM-1152', '', null, 'nothing here', 'storm-1152'];
    expect(findInPages(pages, 'storm-1152')).toEqual([
      { page: 0, start: 0, end: 10 },
      { page: 0, start: 15, end: 25 },
      { page: 4, start: 0, end: 10 },
    ]);
  });

  it('finds a phrase across a line break, with offsets into the page text as the text layer counts it', () => {
    const page = 'the threat\nactor behind it';
    const [match] = findInPages([page], 'threat actor');
    expect(page.slice(match.start, match.end)).toBe('threat\nactor');
  });

  it('keeps offsets where lower case is longer than upper case (the dotted capital I)', () => {
    const page = 'İstanbul office of Storm-1152';
    const [match] = findInPages([page], 'storm');
    expect(page.slice(match.start, match.end)).toBe('Storm');
    expect(foldForFind(page)).toHaveLength(page.length);
  });

  it('finds nothing for an empty or blank query, and stops at the limit', () => {
    expect(findInPages(['a b c'], '')).toEqual([]);
    expect(findInPages(['a b c'], '   ')).toEqual([]);
    expect(findInPages(['a'.repeat(5_000)], 'a')).toHaveLength(MATCH_LIMIT);
  });

  it('gives the same matches as a plain scan of the folded text, at the right places of the original', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'A', 'b', ' ', '\n', 'İ', 'ß'), maxLength: 60 });
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 4 }),
        text.filter((q) => q.trim() !== ''),
        (pages, query) => {
          const expected: { page: number; start: number; end: number }[] = [];
          const needle = foldForFind(query);
          pages.forEach((page, index) => {
            const folded = foldForFind(page);
            for (let at = 0; at + needle.length <= folded.length; at++) {
              if (folded.startsWith(needle, at)) {
                expected.push({ page: index, start: at, end: at + needle.length });
                at += needle.length - 1;
              }
            }
          });
          const found = findInPages(pages, query);
          expect(found).toEqual(expected.slice(0, MATCH_LIMIT));
          for (const match of found) expect(foldForFind(pages[match.page].slice(match.start, match.end))).toBe(needle);
        },
      ),
    );
  });
});

describe('stepping through matches', () => {
  it('wraps around both ways and starts at the first or last', () => {
    expect(stepMatch(3, null, 1)).toBe(0);
    expect(stepMatch(3, null, -1)).toBe(2);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(0, null, 1)).toBeNull();
  });

  it('starts a new search at the first match on or after the page being read', () => {
    const matches = [
      { page: 0, start: 0, end: 1 },
      { page: 4, start: 0, end: 1 },
      { page: 9, start: 0, end: 1 },
    ];
    expect(firstMatchFrom(matches, 3)).toBe(1);
    expect(firstMatchFrom(matches, 9)).toBe(2);
    expect(firstMatchFrom(matches, 10)).toBe(0);
    expect(firstMatchFrom([], 0)).toBeNull();
  });
});
