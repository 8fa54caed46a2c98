import { describe, expect, it } from 'vitest';
import { taggerDocument, tagFeatures, tokenFeatures } from '@/lib/entities/model/techniques/technique-features';
import { goldTags } from '@/lib/entities/model/techniques/technique-training';
import { techniqueVocabulary } from '@/lib/entities/model/techniques/technique-vocabulary';
import { B, I, O, START } from '@/lib/entities/model/techniques/technique-tags';
import type { Entity } from '@/lib/entities/types';
import { attackTechniques } from '../../shared-data';

const vocabulary = techniqueVocabulary(attackTechniques());
const technique = (text: string, phrase: string): Entity => {
  const start = text.indexOf(phrase);
  return {
    kind: 'technique',
    name: phrase,
    canonical: phrase,
    aliases: [],
    mentions: [{ start, end: start + phrase.length, text: phrase }],
  };
};
const at = (doc: ReturnType<typeof taggerDocument>, word: string) => doc.words.indexOf(word);

describe("the technique tagger's words", () => {
  it('takes the words of ATT&CK technique names, not function words', () => {
    expect(vocabulary.has('credential')).toBe(true);
    expect(vocabulary.has('dumping')).toBe(true);
    expect(vocabulary.has('phishing')).toBe(true);
    expect(vocabulary.has('the')).toBe(false);
    expect(vocabulary.has('and')).toBe(false);
  });
});

describe("a token's features", () => {
  const text = 'The actor used credential dumping tools.\n| T1003 | OS Credential Dumping |\nAPT28 sent mail.';
  const rules = [technique(text, 'credential dumping'), { ...technique(text, 'APT28'), kind: 'threat-actor' as const }];
  const doc = taggerDocument(text, rules, vocabulary);

  it('say its word, suffix and shape, and the shapes around it', () => {
    const features = tokenFeatures(doc, at(doc, 'dumping'));
    expect(features).toEqual(expect.arrayContaining(['b', 'w=dumping', 'suf=ing', 'sh=x', 'sh-1=x', 'sh+1=x']));
  });

  it('say which neighbours are ATT&CK words and where the rules put a technique', () => {
    const first = tokenFeatures(doc, at(doc, 'credential'));
    // "used" is no ATT&CK word, "credential" and "dumping" are.
    expect(first).toContain('v=011');
    // The rules' mention starts here (1) and goes on (2); nothing before it (0).
    expect(first).toContain('r=012');
    expect(first).toContain('rw=1 credential');
    expect(tokenFeatures(doc, at(doc, 'apt28'))).toContain('o=t');
  });

  it('say a token is on a table line, at a line start, or an ATT&CK id or just after one', () => {
    const id = doc.words.indexOf('t1003');
    expect(tokenFeatures(doc, id)).toEqual(expect.arrayContaining(['row=10', 'id=10']));
    expect(tokenFeatures(doc, id + 2)).toContain('id=01');
    expect(tokenFeatures(doc, at(doc, 'apt28'))).toContain('row=01');
    expect(Array.from(doc.tableLine)).toEqual([0, 1, 0]);
  });

  it('join the tag decided before it, or the line start', () => {
    const i = at(doc, 'dumping');
    expect(tagFeatures(doc, i, B)).toEqual(['t=B', 'tw=B dumping', 'tr=B 2', 'tv=B 1', 'trow=B 0']);
    expect(tagFeatures(doc, i, START)[0]).toBe('t=^');
  });

  it('read a long token by its shape: encoded data says nothing', () => {
    const long = taggerDocument(`payload ${'QUJD'.repeat(20)} here`, [], vocabulary);
    expect(long.words[1]).toBe('~X');
  });
});

describe('gold tags', () => {
  it('tag the first token a labelled span touches B and the rest I', () => {
    const text = 'They used spear phishing emails.';
    const doc = taggerDocument(text, [], vocabulary);
    const start = text.indexOf('spear');
    const tags = goldTags(doc.tokens, [{ start, end: start + 'spear phishing emails'.length }]);
    expect(Array.from(tags)).toEqual([O, O, B, I, I, O]);
  });
});
