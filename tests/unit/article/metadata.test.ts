// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanField, completeMetadata, firstTimeElementDate, siteNameFromUrl } from '@/lib/article/metadata';

function page(head: string, body: string): Document {
  document.head.innerHTML = head;
  document.body.innerHTML = body;
  return document;
}

describe('cleanField', () => {
  it('trims and turns empty or missing values into null', () => {
    expect(cleanField('  Jane Doe \n')).toBe('Jane Doe');
    expect(cleanField('   ')).toBeNull();
    expect(cleanField(undefined)).toBeNull();
  });
  it('caps very long values so a hostile page cannot flood the popup', () => {
    const cleaned = cleanField('x'.repeat(10_000));
    expect(cleaned).toHaveLength(500);
    expect(cleaned?.endsWith('…')).toBe(true);
  });
});

describe('siteNameFromUrl', () => {
  it('uses the host without www', () => {
    expect(siteNameFromUrl('https://www.example.co.uk/news/1')).toBe('example.co.uk');
  });
  it('has no site for files, data URLs or garbage', () => {
    expect(siteNameFromUrl('file:///home/me/a.html')).toBeNull();
    expect(siteNameFromUrl('data:text/html,hi')).toBeNull();
    expect(siteNameFromUrl('not a url')).toBeNull();
    expect(siteNameFromUrl(null)).toBeNull();
  });
});

describe('firstTimeElementDate', () => {
  it('prefers a time element inside the article', () => {
    page('', '<time datetime="2001-01-01">x</time><article><time datetime="2023-12-14">14 Dec</time></article>');
    expect(firstTimeElementDate(document)).toBe('2023-12-14');
  });
  it('ignores datetime values that are not dates', () => {
    page('', '<time datetime="yesterday-ish">x</time>');
    expect(firstTimeElementDate(document)).toBeNull();
  });
});

describe('completeMetadata', () => {
  it('keeps what Readability found', () => {
    page('<title>Doc title</title>', '');
    const found = {
      title: 'Found',
      byline: 'By Ann',
      siteName: 'Site',
      publishedTime: '2020-01-02',
      excerpt: 'Ex',
      lang: 'fr',
      dir: 'ltr',
    };
    expect(completeMetadata(found, document, 'https://a.example/')).toEqual({
      title: 'Found',
      byline: 'By Ann',
      siteName: 'Site',
      publishedTime: '2020-01-02',
      excerpt: 'Ex',
      lang: 'fr',
      dir: 'ltr',
    });
  });

  it('falls back to the document title, the host and a time element', () => {
    page('<title>  Doc title </title>', '<article><time datetime="2023-12-14">x</time></article>');
    document.documentElement.setAttribute('lang', 'de');
    expect(completeMetadata(null, document, 'https://www.news.example/a')).toEqual({
      title: 'Doc title',
      byline: null,
      siteName: 'news.example',
      publishedTime: '2023-12-14',
      excerpt: null,
      lang: 'de',
      dir: null,
    });
  });

  it('never leaves the title empty', () => {
    page('', '');
    expect(completeMetadata({ title: ' ' }, document, 'https://news.example/a').title).toBe('news.example');
    expect(completeMetadata(null, document, null).title).toBe('Untitled page');
  });
});
