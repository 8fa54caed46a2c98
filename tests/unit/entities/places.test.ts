import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { createPlaceFinder } from '@/lib/entities/places';
import { fixtureDocument } from '../../support/load-html';
import { places } from './shared-data';

const find = createPlaceFinder(places());

/** [canonical, [start, end, text] of each mention]. */
const placesIn = (text: string) => find(text).map((e) => [e.canonical, e.mentions.map((m) => [m.start, m.end, m.text])]);
const namesIn = (text: string) => find(text).map((e) => e.canonical);

describe('listed places', () => {
  it('resolves a name, its aliases and its demonyms to one place', () => {
    expect(placesIn('China (the PRC) and Chinese actors')).toEqual([
      [
        'China',
        [
          [0, 5, 'China'],
          [11, 14, 'PRC'],
          [20, 27, 'Chinese'],
        ],
      ],
    ]);
  });
  it('names the entity as first written and carries the aliases', () => {
    const [usa] = find('The U.S. and the United States');
    expect(usa).toMatchObject({ kind: 'place', name: 'U.S.', canonical: 'United States' });
    expect(usa.aliases).toContain('USA');
  });
  it('matches in the listed case only: lower-case names are ordinary words', () => {
    expect(namesIn('roast turkey for chad')).toEqual([]);
    expect(namesIn('Turkey and Chad')).toEqual(['Turkey', 'Chad']);
  });
  it('prefers the longest name', () => {
    expect(placesIn('North Korea')).toEqual([['North Korea', [[0, 11, 'North Korea']]]]);
  });
  it('finds regions and cities', () => {
    expect(namesIn('offices in Southeast Asia and Kyiv')).toEqual(['Southeast Asia', 'Kyiv']);
  });
});

describe('a place inside a longer name is not a mention', () => {
  it('skips a name followed by a capitalised word', () => {
    expect(namesIn('the Washington Post and a China Chopper web shell')).toEqual([]);
  });
  it('keeps a place followed by a geographic feature word', () => {
    expect(placesIn('the Eastern Mediterranean Sea')).toEqual([['Eastern Mediterranean', [[4, 25, 'Eastern Mediterranean']]]]);
  });
  it('skips a name after a capitalised word inside a sentence, not at its start', () => {
    expect(namesIn('as reported by Radio New Zealand today')).toEqual([]);
    expect(namesIn('In China, it spread.')).toEqual(['China']);
  });
  it('keeps demonyms before capitalised words: they are adjectives', () => {
    expect(namesIn('Chinese APT groups')).toEqual(['China']);
  });
});

describe('forms of a mention', () => {
  it('includes a hyphenated -based, -linked or -backed in the mention', () => {
    expect(placesIn('a China-linked actor, US-based firms')).toEqual([
      ['China', [[2, 14, 'China-linked']]],
      ['United States', [[22, 30, 'US-based']]],
    ]);
  });
  it('finds -speaking and -language forms of demonyms', () => {
    expect(placesIn('Russian-speaking forums')).toEqual([['Russia', [[0, 16, 'Russian-speaking']]]]);
  });
  it('finds demonyms used as plural nouns', () => {
    expect(placesIn('Iranians and Greeks')).toEqual([
      ['Iran', [[0, 8, 'Iranians']]],
      ['Greece', [[13, 19, 'Greeks']]],
    ]);
  });
  it('leaves English out: it names a language far more often than England', () => {
    expect(namesIn('written in English')).toEqual([]);
  });
});

describe('not a place', () => {
  it('skips a currency', () => {
    expect(namesIn('for US$400 or US $1,000')).toEqual([]);
  });
  it('skips capitals-only short forms in capitals-only text', () => {
    expect(namesIn('CONTACT US | ABOUT US')).toEqual([]);
  });
  it('skips links and paths', () => {
    expect(namesIn('https://example.com/news/China and C:\\Users\\Iran\\x')).toEqual([]);
  });
});

describe('the Storm-1152 article', () => {
  const text = extractArticle(fixtureDocument('storm-1152.html')).textContent;

  it('finds the United States twice', () => {
    const [usa, ...rest] = find(text);
    expect(rest).toEqual([]);
    expect(usa.canonical).toBe('United States');
    expect(usa.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['US-based', 'US']);
  });
});
