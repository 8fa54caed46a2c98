import { describe, expect, it } from 'vitest';
import { buildLibraryIndex } from '@/lib/library/library-index';
import type { AnnotationRecord, HighlightColor, PageRecord } from '@/lib/storage/records';

const DAY = 86_400_000;

function page(url: string, updatedAt: number, extra: Partial<PageRecord> = {}): PageRecord {
  return { url, title: `Title of ${url}`, siteName: null, createdAt: updatedAt - DAY, updatedAt, actors: [], ...extra };
}

let counter = 0;
function highlight(pageUrl: string, start: number, extra: Partial<AnnotationRecord> & { color?: HighlightColor } = {}): AnnotationRecord {
  const exact = extra.target?.quote.exact ?? `quote ${++counter}`;
  return {
    id: `id-${String(counter).padStart(4, '0')}-${start}`,
    pageUrl,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

const A = 'https://www.news.example/a';
const B = 'https://blog.example/b';
const C = 'https://empty.example/c';

describe('page summaries', () => {
  const index = buildLibraryIndex(
    [
      page(A, 3 * DAY, { siteName: 'News Example', actors: ['scattered spider', 'Storm-1152'] }),
      page(B, 5 * DAY, { title: '' }),
      page(C, 4 * DAY),
    ],
    [
      highlight(A, 900, { tags: ['APT', 'phishing'], color: 'pink' }),
      highlight(A, 100, { tags: ['apt'], color: 'yellow' }),
      highlight(A, 500, { tags: ['phishing', 'PHISHING', 'apt'], color: 'pink' }),
      highlight(B, 10, { tags: ['lure'], color: 'blue' }),
    ],
    new Map([['scattered spider', 'Scattered Spider']]),
  );

  it('lists pages newest first, with their highlights in document order', () => {
    expect(index.pages.map((p) => p.url)).toEqual([B, C, A]);
    expect(index.annotations.map((a) => [a.pageUrl, a.target.position.start])).toEqual([
      [B, 10],
      [A, 100],
      [A, 500],
      [A, 900],
    ]);
    expect(Array.from(index.pageStarts)).toEqual([0, 1, 1, 4]);
  });

  it('summarises each page: site, counts, tags by key most used first, colours, actors', () => {
    const [b, c, a] = index.pages;
    expect(a).toMatchObject({
      site: 'News Example',
      highlightCount: 3,
      tagKeys: ['apt', 'phishing'],
      colors: ['yellow', 'pink'],
      actors: ['scattered spider', 'storm-1152'],
    });
    expect(b).toMatchObject({ title: B, site: 'blog.example', highlightCount: 1, tags: ['lure'], colors: ['blue'] });
    expect(c).toMatchObject({ site: 'empty.example', highlightCount: 0, tags: [], colors: [] });
  });

  it('shows each tag in the spelling most highlights use, a highlight counting once per tag', () => {
    expect(index.pages[2].tags).toEqual(['apt', 'phishing']);
    expect(index.facets.tags.map((t) => t.label)).toEqual(['apt', 'phishing', 'lure']);
  });

  it('counts a note’s inline #tags as tags of its highlight, apart from the tags one set', () => {
    const inline = buildLibraryIndex(
      [page(A, 1)],
      [
        highlight(A, 0, { tags: ['apt'], note: 'Seen again #apt, and #lure/sms; not `#code` or #42' }),
        highlight(A, 1, { note: '#Lure/SMS' }),
      ],
    );
    expect(inline.facets.tags).toEqual([
      { key: 'lure/sms', label: 'Lure/SMS', pages: 1, annotations: 2, set: 0 },
      { key: 'apt', label: 'apt', pages: 1, annotations: 1, set: 1 },
    ]);
    expect(inline.pages[0].tags).toEqual(['Lure/SMS', 'apt']);
  });

  it('breaks a tie between spellings the same way every time', () => {
    const tied = buildLibraryIndex([page(A, 1)], [highlight(A, 0, { tags: ['apt'] }), highlight(A, 1, { tags: ['APT'] })]);
    expect(tied.pages[0].tags).toEqual(['APT']);
  });

  it('counts pages and highlights for every filter value', () => {
    expect(index.facets.tags).toEqual([
      { key: 'apt', label: 'apt', pages: 1, annotations: 3, set: 3 },
      { key: 'phishing', label: 'phishing', pages: 1, annotations: 2, set: 2 },
      { key: 'lure', label: 'lure', pages: 1, annotations: 1, set: 1 },
    ]);
    expect(index.facets.colors).toEqual([
      { key: 'yellow', label: 'Yellow', pages: 1, annotations: 1 },
      { key: 'blue', label: 'Blue', pages: 1, annotations: 1 },
      { key: 'pink', label: 'Pink', pages: 1, annotations: 2 },
    ]);
    expect(index.facets.sites).toEqual([
      { key: 'News Example', label: 'News Example', pages: 1, annotations: 3 },
      { key: 'blog.example', label: 'blog.example', pages: 1, annotations: 1 },
      { key: 'empty.example', label: 'empty.example', pages: 1, annotations: 0 },
    ]);
    expect(index.facets.actors).toEqual([
      { key: 'scattered spider', label: 'Scattered Spider', pages: 1, annotations: 3 },
      { key: 'storm-1152', label: 'storm-1152', pages: 1, annotations: 3 },
    ]);
  });
});

describe('damaged or odd records', () => {
  it('gives highlights whose page is missing a stand-in page dated by them', () => {
    const lost = 'https://lost.example/x';
    const index = buildLibraryIndex([page(A, 1)], [highlight(lost, 0, { createdAt: 7, updatedAt: 9 })]);
    expect(index.pages[0]).toMatchObject({ url: lost, title: lost, createdAt: 7, updatedAt: 9, highlightCount: 1 });
  });

  it('reads missing or malformed fields as empty rather than failing', () => {
    const odd = { ...highlight(A, 0), tags: 'apt', color: 'orange', target: {} } as unknown as AnnotationRecord;
    const odder = { ...highlight(A, 1), tags: [42, '', '  ', 'ok'] } as unknown as AnnotationRecord;
    const index = buildLibraryIndex([page(A, 1, { actors: undefined })], [odd, odder]);
    expect(index.pages[0]).toMatchObject({ highlightCount: 2, tags: ['ok'], colors: ['yellow'], actors: [] });
    expect(index.facets.colors).toEqual([{ key: 'yellow', label: 'Yellow', pages: 1, annotations: 1 }]);
  });

  it('handles an empty library', () => {
    const index = buildLibraryIndex([], []);
    expect(index.pages).toEqual([]);
    expect(index.facets).toEqual({ tags: [], colors: [], sites: [], actors: [] });
  });
});
