import { describe, expect, it } from 'vitest';
import { isSiteKey, shownHost, siteOfUrl } from '@/lib/url/site';

describe('siteOfUrl', () => {
  it('is the lower-case host of a web page', () => {
    expect(siteOfUrl('https://News.Example/storm-1152?id=7#top')).toBe('news.example');
    expect(siteOfUrl('http://blog.example/')).toBe('blog.example');
    expect(siteOfUrl('  https://news.example/a  ')).toBe('news.example');
  });

  it('keeps a port that is not the scheme’s default', () => {
    expect(siteOfUrl('http://127.0.0.1:8080/page')).toBe('127.0.0.1:8080');
    expect(siteOfUrl('https://news.example:8443/')).toBe('news.example:8443');
    expect(siteOfUrl('https://news.example:443/')).toBe('news.example');
    expect(siteOfUrl('http://news.example:80/')).toBe('news.example');
    expect(siteOfUrl('http://[::1]:3000/')).toBe('[::1]:3000');
  });

  it('treats http and https of one host as one site, and subdomains as their own', () => {
    expect(siteOfUrl('http://news.example/a')).toBe(siteOfUrl('https://news.example/b'));
    expect(siteOfUrl('https://www.news.example/')).toBe('www.news.example');
  });

  it('encodes international host names', () => {
    expect(siteOfUrl('https://bücher.example/')).toBe('xn--bcher-kva.example');
  });

  it('is null for anything that is not a web page', () => {
    for (const url of [
      'file:///home/me/a.html',
      'chrome://extensions',
      'about:blank',
      'data:text/html,x',
      'chrome-extension://abc/popup.html',
      'not a url',
      '',
    ]) {
      expect(siteOfUrl(url), url).toBeNull();
    }
  });
});

describe('isSiteKey', () => {
  it('accepts what siteOfUrl makes', () => {
    for (const site of ['news.example', '127.0.0.1:8080', 'news.example:443', '[::1]:3000', 'xn--bcher-kva.example']) {
      expect(isSiteKey(site), site).toBe(true);
    }
  });

  it('refuses anything else', () => {
    for (const site of [
      '',
      'News.Example',
      'news.example/path',
      'https://news.example',
      'a b',
      'news.example:80x',
      'user@news.example',
      42,
      null,
      'x'.repeat(301),
    ]) {
      expect(isSiteKey(site), String(site)).toBe(false);
    }
  });
});

describe('shownHost', () => {
  it('gives the host name as people write it, without a leading www.', () => {
    expect(shownHost('https://www.news.example/a?b')).toBe('news.example');
    expect(shownHost('http://WWW2.Example.org:8080/')).toBe('www2.example.org');
    expect(shownHost('file:///tmp/report.pdf')).toBe('');
    expect(() => shownHost('not a url')).toThrow();
  });
});
