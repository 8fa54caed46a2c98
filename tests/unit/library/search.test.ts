import { describe, expect, it } from 'vitest';
import { buildLibraryIndex, type LibraryIndex } from '@/lib/library/library-index';
import { search, type SearchFilters, type SearchResult } from '@/lib/library/search';
import type { AnnotationRecord, HighlightColor, PageRecord } from '@/lib/storage/records';
import { generateLibrary } from '../../../bench/runners/library-data';

const DAY = 86_400_000;

function page(url: string, title: string, updatedAt: number, extra: Partial<PageRecord> = {}): PageRecord {
  return { url, title, siteName: null, createdAt: 0, updatedAt, actors: [], ...extra };
}

function highlight(
  id: string,
  pageUrl: string,
  start: number,
  exact: string,
  extra: { note?: string; tags?: string[]; color?: HighlightColor } = {},
): AnnotationRecord {
  return {
    id,
    pageUrl,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    color: extra.color ?? 'yellow',
    note: extra.note ?? '',
    tags: extra.tags ?? [],
    createdAt: 0,
    updatedAt: 0,
  };
}

const SPIDER = 'https://www.news.example/scattered-spider';
const LOCKBIT = 'https://intel.example/2024/lockbit-returns';
const EMPTY = 'https://empty.example/kerberoasting';

const library = (): LibraryIndex =>
  buildLibraryIndex(
    [
      page(SPIDER, 'Scattered Spider calls the helpdesk', 3 * DAY, { actors: ['scattered spider'] }),
      page(LOCKBIT, 'LockBit returns', 2 * DAY, { siteName: 'Intel', actors: ['lockbit'] }),
      page(EMPTY, 'Kerberoasting explained', 1 * DAY),
    ],
    [
      highlight('s2', SPIDER, 200, 'They reset MFA for the employee’s account.', {
        note: 'Credential theft via Zürich office',
        tags: ['Phishing', 'mfa'],
        color: 'pink',
      }),
      highlight('s1', SPIDER, 100, 'The group phoned the helpdesk and asked for a password reset.', { tags: ['social-engineering'] }),
      highlight('l1', LOCKBIT, 50, 'Affiliates bought initial access from brokers.', {
        note: 'credential stuffing? #broker/iab, ticket #2, `#code`',
        tags: ['initial-access'],
        color: 'blue',
      }),
      highlight('l2', LOCKBIT, 80, 'A phishing lure carried the loader (v2.1).', { tags: ['loader'], color: 'pink' }),
    ],
  );

/** Page URL → ids of its matching highlights, in result order. */
const found = (result: SearchResult): Record<string, string[]> =>
  Object.fromEntries(result.pages.map((match) => [match.page.url, match.annotations.map((a) => a.id)]));

const run = (query: string, filters?: SearchFilters) => found(search(library(), query, filters));

describe('library search', () => {
  it('lists every page and highlight for an empty query, newest first and in document order', () => {
    const result = search(library(), '');
    expect(found(result)).toEqual({ [SPIDER]: ['s1', 's2'], [LOCKBIT]: ['l1', 'l2'], [EMPTY]: [] });
    expect(result.total).toBe(4);
    expect(result.pages.every((match) => !match.titleMatch)).toBe(true);
    expect(run('   ')).toEqual(run(''));
  });

  it('finds words in quotes, notes and tags, each word anywhere', () => {
    expect(run('password')).toEqual({ [SPIDER]: ['s1'] });
    expect(run('stuffing')).toEqual({ [LOCKBIT]: ['l1'] });
    expect(run('engineering')).toEqual({ [SPIDER]: ['s1'] });
    expect(run('credential')).toEqual({ [SPIDER]: ['s2'], [LOCKBIT]: ['l1'] });
  });

  it('needs every word, in the highlight or its page', () => {
    expect(run('helpdesk password')).toEqual({ [SPIDER]: ['s1'] });
    expect(run('password brokers')).toEqual({});
    expect(run('lockbit lure')).toEqual({ [LOCKBIT]: ['l2'] });
  });

  it('matches a quoted phrase as written, not its words apart', () => {
    expect(run('"initial access"')).toEqual({ [LOCKBIT]: ['l1'] });
    expect(run('"access initial"')).toEqual({});
    expect(run('"password  reset')).toEqual({ [SPIDER]: ['s1'] });
  });

  it('ignores case, accents and typographic quotes', () => {
    expect(run('ZURICH')).toEqual({ [SPIDER]: ['s2'] });
    expect(run('zürich')).toEqual({ [SPIDER]: ['s2'] });
    expect(run("employee's")).toEqual({ [SPIDER]: ['s2'] });
  });

  it('matches #words against the start of tags only', () => {
    expect(run('#phish')).toEqual({ [SPIDER]: ['s2'] });
    expect(run('phishing')).toEqual({ [SPIDER]: ['s2'], [LOCKBIT]: ['l2'] });
    expect(run('#access')).toEqual({});
    expect(run('#initial-access')).toEqual({ [LOCKBIT]: ['l1'] });
  });

  it('matches #words and the tag filter against a note’s inline #tags too, as Obsidian reads them', () => {
    expect(run('#broker')).toEqual({ [LOCKBIT]: ['l1'] });
    // And the Tag filter, which lists them.
    expect(run('', { tag: 'broker/iab' })).toEqual({ [LOCKBIT]: ['l1'] });
    expect(run('#iab')).toEqual({});
    // Not a number after "#", nor a tag in the note's code.
    expect(run('#2')).toEqual({});
    expect(run('#code')).toEqual({});
    expect(run('code')).toEqual({ [LOCKBIT]: ['l1'] });
  });

  it('lists a page whose title or address matches with all its highlights, even with none', () => {
    const result = search(library(), 'kerberoasting');
    expect(found(result)).toEqual({ [EMPTY]: [] });
    expect(result.pages[0].titleMatch).toBe(true);
    expect(run('lockbit')).toEqual({ [LOCKBIT]: ['l1', 'l2'] });
    expect(run('intel.example/2024')).toEqual({ [LOCKBIT]: ['l1', 'l2'] });
    expect(search(library(), 'lockbit lure').pages[0].titleMatch).toBe(false);
  });

  it('filters by tag, colour, site and actor, alone and together', () => {
    expect(run('', { tag: 'PHISHING' })).toEqual({ [SPIDER]: ['s2'] });
    expect(run('', { color: 'pink' })).toEqual({ [SPIDER]: ['s2'], [LOCKBIT]: ['l2'] });
    expect(run('', { site: 'Intel' })).toEqual({ [LOCKBIT]: ['l1', 'l2'] });
    expect(run('', { site: 'empty.example' })).toEqual({ [EMPTY]: [] });
    expect(run('', { actor: 'Scattered  Spider' })).toEqual({ [SPIDER]: ['s1', 's2'] });
    expect(run('', { color: 'pink', actor: 'lockbit' })).toEqual({ [LOCKBIT]: ['l2'] });
    expect(run('credential', { color: 'blue' })).toEqual({ [LOCKBIT]: ['l1'] });
    expect(run('', { tag: 'no-such-tag' })).toEqual({});
    expect(run('kerberoasting', { color: 'pink' })).toEqual({});
  });

  it('counts matching highlights over all pages', () => {
    expect(search(library(), 'credential').total).toBe(2);
    expect(search(library(), '', { color: 'pink' }).total).toBe(2);
  });

  it('treats hostile queries as plain text', () => {
    expect(run('(v2.1)')).toEqual({ [LOCKBIT]: ['l2'] });
    expect(run('.*')).toEqual({});
    expect(run('[a-z]+ \\d $^')).toEqual({});
    expect(run('x'.repeat(200_000))).toEqual({});
    expect(run(Array.from({ length: 500 }, () => 'the').join(' '))).toEqual({ [SPIDER]: ['s1', 's2'], [LOCKBIT]: ['l2'] });
  });

  it('keeps records apart when their text holds the search separators', () => {
    const index = buildLibraryIndex(
      [page(SPIDER, 't', 1)],
      [
        highlight('a', SPIDER, 0, 'ends with\u0000', { tags: ['one'] }),
        highlight('b', SPIDER, 1, 'fake \u0002tag and \u0001 field', { tags: ['two'] }),
      ],
    );
    expect(found(search(index, 'with'))).toEqual({ [SPIDER]: ['a'] });
    expect(found(search(index, '#tag'))).toEqual({});
    expect(found(search(index, '#two'))).toEqual({ [SPIDER]: ['b'] });
    expect(found(search(index, 'field'))).toEqual({ [SPIDER]: ['b'] });
  });
});

describe('searching as one types', () => {
  const data = generateLibrary({ pages: 60, annotations: 900, seed: 7 });
  const fresh = (query: string, filters?: SearchFilters) => found(search(buildLibraryIndex(data.pages, data.annotations), query, filters));

  /** Keystrokes: each query typed in, then half of it deleted, then the next query after it. */
  function typed(queries: string[]): string[] {
    const steps: string[] = [];
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) steps.push(query.slice(0, i));
      for (let i = query.length - 1; i >= Math.floor(query.length / 2); i--) steps.push(query.slice(0, i));
    }
    return steps;
  }

  const sequences: { queries: string[]; filters?: SearchFilters }[] = [
    { queries: ['scattered spider', 'scattered spiders'] },
    { queries: ['"mfa fatigue"', 'unc3944 helpdesk'] },
    { queries: ['#phish', '#ransomware lockbit', 'zürich'] },
    { queries: ['credential theft', 'access'], filters: { color: 'pink' } },
    { queries: ['the of and', 'storm-1152'], filters: { actor: 'scattered spider' } },
  ];

  it('gives the same results as a fresh search at every keystroke', () => {
    for (const { queries, filters } of sequences) {
      const index = buildLibraryIndex(data.pages, data.annotations);
      for (const step of typed(queries)) {
        expect(found(search(index, step, filters)), `${step} ${JSON.stringify(filters)}`).toEqual(fresh(step, filters));
      }
    }
  });

  it('gives the same results when filters change between keystrokes', () => {
    const index = buildLibraryIndex(data.pages, data.annotations);
    const filterCycle: (SearchFilters | undefined)[] = [
      undefined,
      { color: 'blue' },
      undefined,
      { tag: 'phishing' },
      { color: 'blue', site: data.pages[0].siteName ?? '' },
    ];
    typed(['lateral movement', 'spider']).forEach((step, i) => {
      const filters = filterCycle[i % filterCycle.length];
      expect(found(search(index, step, filters)), step).toEqual(fresh(step, filters));
    });
  });
});
