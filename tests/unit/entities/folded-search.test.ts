import { describe, expect, it } from 'vitest';
import { foldText, NameSearchGroup } from '@/lib/entities/folded-search';
import { createNameMatcher } from '@/lib/entities/match-names';

const texts = (matches: { text: string }[]) => matches.map((m) => m.text);

describe('foldText', () => {
  it('reads whitespace runs once, folds case and dashes, and maps each unit back to the text', () => {
    const view = foldText('  Octo\u00a0 Tempest\u2013X');
    expect(view.folded).toBe('octo tempest-x');
    expect(view.exact).toBe('Octo Tempest-X');
    expect(view.positions[4]).toBe(6);
    expect(view.positions[5]).toBe(8);
  });
});

describe('NameSearchGroup', () => {
  const group = new NameSearchGroup();
  const actors = createNameMatcher([{ form: 'Octo Tempest', caseSensitive: false, data: 'actor' }], group);
  const places = createNameMatcher(
    [
      { form: 'Vietnam', caseSensitive: true, data: 'place' },
      { form: 'Octo', caseSensitive: true, data: 'place' },
    ],
    group,
  );
  const article = `${'Filler text. '.repeat(30)}Octo Tempest left Vietnam; octo tempest and vietnam again.`;

  it('gives each matcher in a group only its own names', () => {
    expect(texts(actors.findAll(article))).toEqual(['Octo Tempest', 'octo tempest']);
    expect(texts(places.findAll(article))).toEqual(['Octo', 'Vietnam']);
  });

  it('answers a short string without losing the article it searched last', () => {
    expect(texts(actors.find('OCTO TEMPEST'))).toEqual(['OCTO TEMPEST']);
    expect(texts(places.findAll(article))).toEqual(['Octo', 'Vietnam']);
  });

  it('takes matchers added after a search into the next one', () => {
    const tools = createNameMatcher([{ form: 'again', caseSensitive: false, data: 'tool' }], group);
    expect(texts(tools.findAll(article))).toEqual(['again']);
    expect(texts(actors.findAll(article))).toEqual(['Octo Tempest', 'octo tempest']);
  });
});
