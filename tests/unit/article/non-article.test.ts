import { describe, expect, it } from 'vitest';
import { MAX_READABLE_DEPTH } from '@/lib/article/document-depth';
import { extractArticle } from '@/lib/article/extract-article';
import { documentFrom, fixtureDocument } from '../../support/load-html';

describe('pages that are not articles', () => {
  it('a search results page falls back to the page’s own headings', () => {
    const result = extractArticle(fixtureDocument('search-results.html'), 'https://search.example/?q=storm-1152');
    expect(result.kind).toBe('not-article');
    expect(result.metadata.title).toBe('storm-1152 - Search results');
    expect(result.outline.map((item) => item.text)).toEqual([
      'Results for “storm-1152”',
      'Microsoft disrupts Storm-1152',
      'Storm-1152 fraudulent accounts',
      'What is Storm-1152?',
      'Arkose Labs on Storm-1152',
      'Related searches',
    ]);
    expect(result.outline.every((item) => item.liveIndex !== null)).toBe(true);
    expect(result.readingTime).toEqual({ words: 0, minutes: 0 });
  });

  it('an empty page has no outline and a title from its address', () => {
    const result = extractArticle(documentFrom('<html><body></body></html>', 'https://app.example/inbox'), 'https://app.example/inbox');
    expect(result.kind).toBe('not-article');
    expect(result.outline).toEqual([]);
    expect(result.metadata.title).toBe('app.example');
  });

  it('does not run Readability on a page nested deeper than it can handle quickly', () => {
    const depth = MAX_READABLE_DEPTH + 50;
    const html = `<title>Deep</title><h2>Top heading</h2>${'<div>'.repeat(depth)}<p>${'Words, words. '.repeat(80)}</p>${'</div>'.repeat(depth)}`;
    const result = extractArticle(documentFrom(html), 'https://deep.example/');
    expect(result.kind).toBe('too-complex');
    expect(result.metadata.title).toBe('Deep');
    expect(result.outline.map((item) => item.text)).toEqual(['Top heading']);
  });

  it('does not change the live document', () => {
    const doc = fixtureDocument('storm-1152.html');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
