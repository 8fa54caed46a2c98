import { describe, expect, it } from 'vitest';
import { createNameMatcher, isAtNameBoundary, isInsideLinkOrPath, selectLongest } from '@/lib/entities/match-names';

const matcher = createNameMatcher([
  { form: 'Storm-1152', caseSensitive: false, data: 'storm' },
  { form: 'Octo Tempest', caseSensitive: false, data: 'octo' },
  { form: 'Cobalt', caseSensitive: true, data: 'cobalt' },
  { form: 'Cobalt Strike', caseSensitive: false, data: 'cs' },
  { form: 'STRONTIUM', caseSensitive: true, data: 'sr' },
  { form: 'APT28', caseSensitive: false, data: 'apt28' },
]);
const found = (text: string) => matcher.find(text).map((m) => m.text);

describe('name boundaries', () => {
  it('treats -, . and _ between name characters as part of a name', () => {
    expect(found('Storm-11521 and xStorm-1152 and Storm-1152_x')).toEqual([]);
    expect(found('Storm-1152 and 1Storm-1152')).toEqual(['Storm-1152']);
  });
  it('never fires inside domains, file names or identifiers', () => {
    expect(found('see storm-1152.example.com and evil.storm-1152.net and /octo-tempest.html')).toEqual([]);
  });
  it('accepts sentence punctuation, possessives and quotes around a name', () => {
    expect(found('by Storm-1152. Then Storm-1152’s tools, (Storm-1152), “Storm-1152”')).toEqual([
      'Storm-1152',
      'Storm-1152',
      'Storm-1152',
      'Storm-1152',
    ]);
  });
  it('lets English hyphen suffixes such as -linked follow a name', () => {
    expect(found('APT28-linked servers, APT28-style lures')).toEqual(['APT28', 'APT28']);
    expect(found('APT28-x')).toEqual([]);
  });
  it('exposes the boundary rule itself', () => {
    expect(isAtNameBoundary('a Storm-1152.', 2, 12)).toBe(true);
    expect(isAtNameBoundary('a Storm-1152.b', 2, 12)).toBe(false);
  });
});

describe('case rules', () => {
  it('matches ordinary names in any case, with offsets into the original text', () => {
    const [m] = matcher.find('Report: OCTO tempest struck');
    expect(m).toMatchObject({ start: 8, end: 20, text: 'OCTO tempest', data: ['octo'] });
  });
  it('matches weak forms only in the exact case written', () => {
    expect(found('strontium STRONTIUM Strontium')).toEqual(['STRONTIUM']);
    expect(found('cobalt and COBALT and Cobalt')).toEqual(['Cobalt']);
  });
  it('copes with no-break spaces between words', () => {
    expect(found('Octo\u00a0Tempest')).toEqual(['Octo\u00a0Tempest']);
  });
});

describe('folding', () => {
  it('reads typographic dashes as hyphens and runs of whitespace as one space', () => {
    expect(found('Storm\u20111152 and Octo \n  Tempest')).toEqual(['Storm\u20111152', 'Octo \n  Tempest']);
  });
  it('scans long non-ASCII text in linear time', () => {
    const text = '“Quotes” and café — '.repeat(50_000) + 'Storm-1152';
    const started = performance.now();
    expect(found(text)).toEqual(['Storm-1152']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('longest match', () => {
  it('prefers the longest name where names overlap', () => {
    expect(matcher.find('a Cobalt Strike beacon from Cobalt')).toMatchObject([
      { text: 'Cobalt Strike', data: ['cs'] },
      { text: 'Cobalt', data: ['cobalt'] },
    ]);
  });
  it('keeps all overlapping candidates in findAll', () => {
    expect(matcher.findAll('Cobalt Strike').map((m) => m.text)).toEqual(['Cobalt Strike', 'Cobalt']);
  });
  it('picks the longest first, then the leftmost, and returns text order', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 3, end: 10 },
      { start: 8, end: 12 },
      { start: 11, end: 14 },
    ];
    expect(selectLongest(spans)).toEqual([
      { start: 3, end: 10 },
      { start: 11, end: 14 },
    ]);
  });
});

describe('isInsideLinkOrPath', () => {
  it('is true after a slash, next to a backslash, before a version, or within a URL', () => {
    const text = '~/China b\\Iran Mozilla/5.0 www.x.com?q=Iran';
    expect(isInsideLinkOrPath(text, 2, 7)).toBe(true);
    expect(isInsideLinkOrPath(text, 10, 14)).toBe(true);
    expect(isInsideLinkOrPath(text, 15, 22)).toBe(true);
    expect(isInsideLinkOrPath(text, 39, 43)).toBe(true);
  });
  it('is true after a slash that ends a path or an address, not one word', () => {
    const text = 'see /usr/China, x.org/China and 2020/China';
    expect(isInsideLinkOrPath(text, 9, 14)).toBe(true);
    expect(isInsideLinkOrPath(text, 22, 27)).toBe(true);
    expect(isInsideLinkOrPath(text, 37, 42)).toBe(true);
  });
  it('is false for a word after one word and a slash, two names given as alternatives', () => {
    const text = 'RootKit/Bootkit threats; Israel/Palestine';
    expect(isInsideLinkOrPath(text, 8, 15)).toBe(false);
    expect(isInsideLinkOrPath(text, 32, 41)).toBe(false);
  });
  it('is false in prose, including "A/B" pairs read from the first name', () => {
    const text = 'Israel/Palestine, and Iran.';
    expect(isInsideLinkOrPath(text, 0, 6)).toBe(false);
    expect(isInsideLinkOrPath(text, 22, 26)).toBe(false);
  });
});
