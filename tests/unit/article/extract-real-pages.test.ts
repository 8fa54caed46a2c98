import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { FIXTURES_DIR } from '../../../harness/paths';
import { fixtureDocument } from '../../support/load-html';

const REAL_PAGES = path.join(FIXTURES_DIR, 'real-pages');
const pages = readdirSync(REAL_PAGES)
  .filter((name) => name.endsWith('.html'))
  .map((name) => name.replace(/\.html$/, ''))
  .sort();

interface ExpectedMetadata {
  title: string | null;
  byline: string | null;
  /** Absent for a few pages, as in Readability's own suite, which then does not check it. */
  excerpt?: string | null;
  readerable: boolean;
}

// The same address Readability's own test suite parses these pages under, so results are comparable.
const TEST_SUITE_URL = 'http://fakehost/test/page.html';

describe('extraction over the real pages', () => {
  it('has all twenty pages', () => {
    expect(pages).toHaveLength(20);
  });

  it.each(pages)('%s: title, byline and excerpt match the expected metadata', (name) => {
    const expected = JSON.parse(readFileSync(path.join(REAL_PAGES, `${name}.metadata.json`), 'utf8')) as ExpectedMetadata;
    const doc = fixtureDocument(`real-pages/${name}.html`, TEST_SUITE_URL);
    const result = extractArticle(doc, TEST_SUITE_URL);

    expect(result.kind).toBe(expected.readerable ? 'article' : 'not-article');
    expect(result.metadata.title).toBe(expected.title);
    expect(result.metadata.byline).toBe(expected.byline);
    if ('excerpt' in expected) expect(result.metadata.excerpt).toBe(expected.excerpt);
    expect(result.readingTime.words).toBeGreaterThan(0);
    for (const item of result.outline) {
      expect(item.text).not.toBe('');
      expect(item.level).toBeGreaterThanOrEqual(1);
      expect(item.level).toBeLessThanOrEqual(6);
    }
  });
});
