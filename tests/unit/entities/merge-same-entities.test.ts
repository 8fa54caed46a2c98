import { describe, expect, it } from 'vitest';
import { mergeSameEntities } from '@/lib/entities/merge-same-entities';
import type { Entity } from '@/lib/entities/types';

const text = 'TA415 struck. Barium, also BlackWater and BlackWater again.';
const at = (name: string, from = 0) => {
  const start = text.indexOf(name, from);
  return { start, end: start + name.length, text: name };
};

describe('one entity per kind and canonical name', () => {
  it('joins two names of one actor, one found by the rules and one by the model alone, in the text’s order', () => {
    const byRules: Entity = {
      kind: 'threat-actor',
      name: 'TA415',
      canonical: 'APT41',
      aliases: ['TA415', 'BARIUM'],
      mentions: [at('TA415')],
      candidates: ['APT41', 'Winnti Group'],
      foundBy: { rules: { listed: true, scheme: 'Proofpoint TA###' } },
    };
    const byModel: Entity = {
      kind: 'threat-actor',
      name: 'Barium',
      canonical: 'apt41',
      aliases: ['TA415', 'BARIUM'],
      mentions: [at('Barium')],
      foundBy: { model: { confidence: 0.9, agreesWithRules: false } },
    };
    const [merged, ...rest] = mergeSameEntities([byModel, byRules]);
    expect(rest).toEqual([]);
    expect(merged).toEqual({
      ...byRules,
      mentions: [at('TA415'), at('Barium')],
      foundBy: { rules: { listed: true, scheme: 'Proofpoint TA###' }, model: { confidence: 0.9, agreesWithRules: false } },
    });
  });

  it('keeps each mention once, the model’s surest confidence, and its doubt only where it doubts every part', () => {
    const first = at('BlackWater');
    const second = at('BlackWater', first.end);
    const rules: Entity = {
      kind: 'malware',
      name: 'BlackWater',
      canonical: 'blackwater',
      aliases: [],
      mentions: [first],
      foundBy: { rules: { listed: true } },
    };
    const model: Entity = {
      ...rules,
      mentions: [second, first],
      foundBy: { rules: { cue: 'software' }, model: { confidence: 0.7, agreesWithRules: false, doubts: true } },
    };
    const sure: Entity = { ...rules, mentions: [second], foundBy: { model: { confidence: 0.95, agreesWithRules: true } } };
    const [merged] = mergeSameEntities([rules, model, sure]);
    expect(merged.mentions).toEqual([first, second]);
    expect(merged.foundBy).toEqual({ rules: { listed: true, cue: 'software' }, model: { confidence: 0.95, agreesWithRules: true } });
  });

  it('leaves entities of other kinds or names apart, and a list without duplicates as it is', () => {
    const actor: Entity = { kind: 'threat-actor', name: 'BlackWater', canonical: 'BlackWater', aliases: [], mentions: [at('BlackWater')] };
    const malware: Entity = { ...actor, kind: 'malware' };
    const other: Entity = { ...actor, name: 'TA415', canonical: 'TA415', mentions: [at('TA415')] };
    const list = [actor, malware, other];
    expect(mergeSameEntities(list)).toEqual(list);
  });
});
