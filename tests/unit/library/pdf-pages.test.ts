import { describe, expect, it } from 'vitest';
import { buildLibraryIndex, LOCAL_FILES } from '@/lib/library/library-index';
import { prepareSearch, search } from '@/lib/library/search';
import type { AnnotationRecord, PageRecord } from '@/lib/storage/records';

const KEY = 'urn:x-pdf:0123456789abcdef0123456789abcdef';
const LOCAL_KEY = 'urn:x-pdf:fedcba9876543210fedcba9876543210';
const WEB_PDF = 'https://vendor.example/reports/storm-1152.pdf';
const ARTICLE = 'https://news.example/storm-1152';

const page = (url: string, title: string, extra: Partial<PageRecord> = {}): PageRecord => ({
  url,
  title,
  siteName: null,
  createdAt: 1,
  updatedAt: 2,
  actors: ['storm-1152'],
  ...extra,
});
const highlight = (pageUrl: string, id: string, exact: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord => ({
  id,
  pageUrl,
  target: {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    page: { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=1' },
  },
  color: 'yellow',
  note: '',
  tags: ['fraud'],
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

describe('PDFs in the library', () => {
  const index = buildLibraryIndex(
    [
      page(ARTICLE, 'Microsoft takes down Storm-1152'),
      page(WEB_PDF, 'Storm-1152 threat report', { documentKey: KEY }),
      page(LOCAL_KEY, 'Quarterly threat brief', { documentKey: LOCAL_KEY }),
    ],
    [
      highlight(ARTICLE, 'a', '750 million accounts'),
      highlight(WEB_PDF, 'b', 'CAPTCHA solving services', { documentKey: KEY }),
      highlight(LOCAL_KEY, 'c', 'ransomware affiliates', { documentKey: LOCAL_KEY }),
    ],
    new Map(),
  );
  prepareSearch(index);
  const byUrl = new Map(index.pages.map((summary) => [summary.url, summary]));

  it('lists PDFs beside articles, marked as PDFs, with the title their metadata gave', () => {
    expect(byUrl.get(ARTICLE)?.pdf).toBeNull();
    expect(byUrl.get(WEB_PDF)).toMatchObject({
      pdf: { local: false },
      title: 'Storm-1152 threat report',
      site: 'vendor.example',
      highlightCount: 1,
    });
    expect(byUrl.get(LOCAL_KEY)).toMatchObject({
      pdf: { local: true },
      title: 'Quarterly threat brief',
      site: LOCAL_FILES,
      highlightCount: 1,
    });
  });

  it('finds PDFs by their highlights, titles and tags, and filters them by site and actor like any page', () => {
    const urls = (query: string, filters = {}) => search(index, query, filters).pages.map((match) => match.page.url);
    expect(urls('captcha')).toEqual([WEB_PDF]);
    expect(urls('quarterly')).toEqual([LOCAL_KEY]);
    expect(urls('#fraud').sort()).toEqual([ARTICLE, LOCAL_KEY, WEB_PDF].sort());
    expect(urls('', { site: LOCAL_FILES })).toEqual([LOCAL_KEY]);
    expect(urls('', { site: 'vendor.example' })).toEqual([WEB_PDF]);
    expect(urls('', { actor: 'storm-1152' })).toHaveLength(3);
    expect(index.facets.sites.map((facet) => facet.key)).toContain(LOCAL_FILES);
  });
});
