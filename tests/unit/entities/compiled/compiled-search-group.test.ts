/**
 * The compiled name search gives every matcher the same matches as the runtime-built one
 * (`NameSearchGroup` over @monyone/aho-corasick), on random dictionaries of several matchers and random
 * texts (fast-check): case-insensitive and case-exact names, whitespace runs, typographic dashes, names
 * shared between matchers; and with a matcher made dynamic (its names changed after compiling).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompiledNameSearchGroup, compileSearches } from '@/lib/entities/compiled/compiled-search-group';
import { NameSearchGroup } from '@/lib/entities/folded-search';
import { createNameMatcher, type NamePattern } from '@/lib/entities/match-names';

const unit = fc.constantFrom('a', 'b', 'A', 'B', 'x', ' ', '-', '\u2013', '\u00a0', '1', '.', 'é');
const pattern = fc.record({
  form: fc.string({ unit, minLength: 1, maxLength: 5 }),
  caseSensitive: fc.boolean(),
  data: fc.integer({ min: 0, max: 3 }),
});
const matchers = fc.array(fc.array(pattern, { maxLength: 8 }), { minLength: 1, maxLength: 4 });
// Texts long enough (over 256 units) for the group to keep its hits, and short ones searched afresh.
const text = fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit, minLength: 257, maxLength: 400 }));

function matches(lists: readonly (readonly NamePattern<number>[])[], group: NameSearchGroup, texts: readonly string[]) {
  const made = lists.map((patterns) => createNameMatcher(patterns, group));
  return texts.map((t) => made.map((matcher) => matcher.findAll(t)));
}

describe('CompiledNameSearchGroup', () => {
  it('finds what NameSearchGroup finds for the same matchers', () => {
    fc.assert(
      fc.property(matchers, fc.array(text, { minLength: 1, maxLength: 3 }), (lists, texts) => {
        const built = new NameSearchGroup();
        const expected = matches(lists, built, texts);
        const compiled = new CompiledNameSearchGroup(compileSearches(built));
        expect(matches(lists, compiled, texts)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('finds what NameSearchGroup finds when a dynamic matcher registers other names than were compiled', () => {
    fc.assert(
      fc.property(
        matchers,
        fc.array(pattern, { maxLength: 8 }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        (lists, changed, texts) => {
          const compiledFrom = new NameSearchGroup();
          matches(lists, compiledFrom, []);
          const now = [changed, ...lists.slice(1)];
          const expected = matches(now, new NameSearchGroup(), texts);
          const compiled = new CompiledNameSearchGroup(compileSearches(compiledFrom), new Set([0]));
          expect(matches(now, compiled, texts)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses matchers that do not register as they did when compiled', () => {
    const built = new NameSearchGroup();
    createNameMatcher([{ form: 'Octo Tempest', caseSensitive: false, data: 1 }], built);
    const compiled = new CompiledNameSearchGroup(compileSearches(built));
    const first = createNameMatcher([{ form: 'Octo Tempest', caseSensitive: false, data: 1 }], compiled);
    createNameMatcher([{ form: 'Vietnam', caseSensitive: true, data: 2 }], compiled);
    expect(() => first.findAll('Octo Tempest')).toThrow('entity index: 2 name lists registered, the index was compiled for 1');
  });
});
