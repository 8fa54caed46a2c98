import { describe, expect, it } from 'vitest';
import { combineTechniques, type TechniqueCombine } from '@/lib/entities/model/techniques/combine-techniques';
import type { TaggedText } from '@/lib/entities/model/techniques/technique-tagger';
import type { Entity } from '@/lib/entities/types';

const text = 'They sent phishing emails.\n| T1003 | OS Credential Dumping |\nThey also used DNS tunnelling for C2.';
const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, text: phrase });
const phishing: Entity = {
  kind: 'technique',
  name: 'phishing',
  canonical: 'Phishing',
  aliases: [],
  attackId: 'T1566',
  mentions: [at('phishing')],
  foundBy: { rules: { listed: true } },
};
const row: Entity = {
  kind: 'technique',
  name: 'T1003 | OS Credential Dumping',
  canonical: 'OS Credential Dumping',
  aliases: [],
  attackId: 'T1003',
  mentions: [at('T1003 | OS Credential Dumping')],
  foundBy: { rules: { row: true } },
};
const actor: Entity = { kind: 'threat-actor', name: 'They', canonical: 'They', aliases: [], mentions: [at('They')] };
const rules = [phishing, row, actor];
const tableLine = at('| T1003 | OS Credential Dumping |');
const tagged: TaggedText = {
  spans: [
    { ...at('phishing emails'), confidence: 0.8 },
    { ...at('DNS tunnelling for C2'), confidence: 0.6 },
  ],
  tableLines: [{ start: tableLine.start, end: tableLine.end }],
};
const techniques = (mode: TechniqueCombine) =>
  combineTechniques(text, rules, tagged, mode)
    .filter((e) => e.kind === 'technique')
    .map((e) => ({ name: e.canonical, id: e.attackId, mentions: e.mentions.map((m) => m.text), model: e.foundBy?.model }));

describe("joining the tagger's mentions with the rules", () => {
  it('rules: the rules alone', () => {
    expect(combineTechniques(text, rules, tagged, 'rules')).toEqual(rules);
  });

  it("free-lines: the rules keep table lines, the tagger decides the others; a mention over a rule's is that technique, with the tagger's boundaries", () => {
    expect(techniques('free-lines')).toEqual([
      { name: 'OS Credential Dumping', id: 'T1003', mentions: ['T1003 | OS Credential Dumping'], model: undefined },
      { name: 'Phishing', id: 'T1566', mentions: ['phishing emails'], model: { confidence: 0.8, agreesWithRules: false } },
      {
        name: 'DNS tunnelling for C2',
        id: undefined,
        mentions: ['DNS tunnelling for C2'],
        model: { confidence: 0.6, agreesWithRules: false },
      },
    ]);
  });

  it('tagger: every technique mention is the tagger’s (the row is lost here)', () => {
    expect(techniques('tagger').map((t) => t.mentions)).toEqual([['phishing emails'], ['DNS tunnelling for C2']]);
  });

  it("union: the rules' entities, plus the tagger's where the rules found nothing", () => {
    expect(techniques('union').map((t) => t.mentions)).toEqual([
      ['phishing'],
      ['T1003 | OS Credential Dumping'],
      ['DNS tunnelling for C2'],
    ]);
  });

  it("tagger-first: the tagger's mentions, plus the rules' it overlaps nowhere", () => {
    expect(techniques('tagger-first').map((t) => t.mentions)).toEqual([
      ['T1003 | OS Credential Dumping'],
      ['phishing emails'],
      ['DNS tunnelling for C2'],
    ]);
  });

  it('keeps every other kind as the rules found it', () => {
    for (const mode of ['tagger', 'union', 'tagger-first', 'free-lines'] as const)
      expect(combineTechniques(text, rules, tagged, mode).filter((e) => e.kind === 'threat-actor')).toEqual([actor]);
  });
});
