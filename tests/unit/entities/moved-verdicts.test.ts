import { describe, expect, it } from 'vitest';
import { movedVerdicts } from '@/lib/entities/moved-verdicts';
import type { StoredVerdict } from '@/lib/entities/page-entities';
import type { Entity } from '@/lib/entities/types';

const text = 'ALPHV affiliates and BlackCat operators; Scattered Spider too.';
const mention = (name: string) => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name };
};
const gang: Entity = {
  kind: 'threat-actor',
  name: 'ALPHV',
  canonical: 'BlackCat',
  aliases: ['ALPHV', 'Noberus'],
  mentions: [mention('ALPHV'), mention('BlackCat')],
};
const spider: Entity = {
  kind: 'threat-actor',
  name: 'Scattered Spider',
  canonical: 'Scattered Spider',
  aliases: [],
  mentions: [mention('Scattered Spider')],
};
const verdict = (entityKey: string, status: StoredVerdict['status']): StoredVerdict => ({ entityKey, status });

describe('verdicts on a name now resolved elsewhere', () => {
  it('move to the entity that name is a mention of, when it has no verdict of its own', () => {
    expect(movedVerdicts([gang, spider], [verdict('threat-actor:alphv', 'confirmed')])).toEqual([
      { from: 'threat-actor:alphv', to: { kind: 'threat-actor', name: 'ALPHV', canonical: 'BlackCat' }, status: 'confirmed' },
    ]);
    expect(movedVerdicts([gang], [verdict('threat-actor:blackcat', 'rejected'), verdict('threat-actor:alphv', 'confirmed')])).toEqual([]);
  });

  it('stay where an entity of that name is found, of another kind, or on no mention', () => {
    const alphv: Entity = { ...gang, name: 'ALPHV', canonical: 'ALPHV', aliases: [], mentions: [mention('ALPHV')] };
    expect(movedVerdicts([gang, alphv], [verdict('threat-actor:alphv', 'confirmed')])).toEqual([]);
    expect(movedVerdicts([gang], [verdict('malware:alphv', 'confirmed')])).toEqual([]);
    expect(movedVerdicts([spider], [verdict('threat-actor:alphv', 'confirmed')])).toEqual([]);
    expect(movedVerdicts([gang], [])).toEqual([]);
  });

  it('move once, to the first entity that names it', () => {
    const again: Entity = { ...gang, canonical: 'Noberus', mentions: [mention('ALPHV')] };
    expect(movedVerdicts([gang, again], [verdict('threat-actor:alphv', 'confirmed')])).toHaveLength(1);
  });
});
