import { describe, expect, it } from 'vitest';
import { normalizePageUrl } from '@/lib/url/normalize-url';

describe('normalizePageUrl', () => {
  it('drops the fragment', () => {
    expect(normalizePageUrl('https://example.com/post#section-2')).toBe('https://example.com/post');
    expect(normalizePageUrl('https://example.com/post#:~:text=storm')).toBe('https://example.com/post');
  });

  it('drops tracking parameters and keeps the rest in order', () => {
    expect(normalizePageUrl('https://example.com/a?id=7&utm_source=x&utm_medium=email&fbclid=abc&page=2&gclid=1&mc_eid=9')).toBe(
      'https://example.com/a?id=7&page=2',
    );
  });

  it('treats parameter names case-insensitively', () => {
    expect(normalizePageUrl('https://example.com/a?UTM_Campaign=x&Fbclid=y')).toBe('https://example.com/a');
  });

  it('drops default ports and keeps others', () => {
    expect(normalizePageUrl('https://example.com:443/a')).toBe('https://example.com/a');
    expect(normalizePageUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(normalizePageUrl('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1:8080/a');
  });

  it('lower-cases the host but not the path', () => {
    expect(normalizePageUrl('HTTPS://Example.COM/Path/Case')).toBe('https://example.com/Path/Case');
  });

  it('gives the same key to variants of one address', () => {
    const variants = [
      'https://example.com/story',
      'https://example.com/story#comments',
      'https://example.com:443/story?utm_source=newsletter',
      ' https://EXAMPLE.com/story?fbclid=IwAR0 ',
    ];
    expect(new Set(variants.map(normalizePageUrl))).toEqual(new Set(['https://example.com/story']));
  });

  it('keeps an empty path as "/" and drops an emptied query', () => {
    expect(normalizePageUrl('https://example.com?utm_source=x')).toBe('https://example.com/');
  });

  it('returns null for what is not an absolute URL', () => {
    expect(normalizePageUrl('not a url')).toBeNull();
    expect(normalizePageUrl('/relative/path')).toBeNull();
  });
});
