/**
 * The article's text is its text nodes in order, as `textContent`, except that blocks and table cells that
 * touch in the source (minified HTML) are kept apart by a line break or a space.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { articleText } from '@/lib/article/article-text';
import { extractArticle } from '@/lib/article/extract-article';
import { findIndicators } from '@/lib/entities/indicators';
import { documentFrom } from '../../support/load-html';
import { FIXTURES_DIR } from '../../../harness/paths';

const body = (html: string) => documentFrom(`<!doctype html><body>${html}</body>`, 'https://example.org/').body;

describe('the article text', () => {
  it('keeps list items, paragraphs, headings and line breaks apart where the source runs them together', () => {
    expect(articleText(body('<ul><li>evil.com</li><li>bad.net</li></ul>'))).toBe('evil.com\nbad.net');
    expect(articleText(body('<p>They hit Germany.</p><p>Defenders reacted.</p>'))).toBe('They hit Germany.\nDefenders reacted.');
    expect(articleText(body('<h2>IOCs</h2><p>a<br>b</p>'))).toBe('IOCs\na\nb');
    expect(articleText(body('<table><tr><td>T1105</td><td>Remote File Copy</td></tr><tr><td>T1059</td></tr></table>'))).toBe(
      'T1105 Remote File Copy\nT1059',
    );
  });

  it('adds nothing where the source already has white space, nor inside a block', () => {
    const html = '<ul>\n  <li>evil.com</li>\n  <li>bad.net</li>\n</ul><p>Emo<b>tet</b> is <i>back</i>.</p>';
    expect(articleText(body(html))).toBe(body(html).textContent);
  });

  it('is textContent on a page written with white space between its blocks', () => {
    for (const file of ['storm-1152.html', 'ioc-report.html', path.join('real-pages', 'guardian-1.html')]) {
      const doc = documentFrom(readFileSync(path.join(FIXTURES_DIR, file), 'utf8'), 'https://example.org/');
      const parsed = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse()!;
      expect(articleText(parsed.content as Element), file).toBe(parsed.textContent);
    }
  });

  it('lets the finders read a minified page as they read it pretty-printed', () => {
    const pretty = readFileSync(path.join(FIXTURES_DIR, 'ioc-report.html'), 'utf8');
    const minified = pretty.replace(/>\s+</g, '><');
    const indicators = (html: string) =>
      findIndicators(extractArticle(documentFrom(html, 'https://example.org/')).textContent).map((e) => e.canonical);
    expect(indicators(minified)).toEqual(indicators(pretty));
    expect(extractArticle(documentFrom(minified, 'https://example.org/')).textContent).toContain('Germany.\nDefenders');
  });

  it('reads a deeply nested tree without recursion', () => {
    const deep = `${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}`;
    expect(articleText(body(`<p>top</p>${deep}`))).toBe('top\ndeep');
  });
});
