import { describe, expect, it } from 'vitest';
import { actorKeysOf, pageEntities } from '@/lib/entities/page-entities';
import type { Entity } from '@/lib/entities/types';

const TEXT = 'Octo Tempest helped Storm-1152. Microsoft acted.';
const found: Entity[] = [
  { kind: 'threat-actor', name: 'Octo Tempest', canonical: 'Scattered Spider', aliases: ['Octo Tempest'], mentions: [{ start: 0, end: 12, text: 'Octo Tempest' }] },
  { kind: 'threat-actor', name: 'Storm-1152', canonical: 'Storm-1152', aliases: [], mentions: [{ start: 20, end: 30, text: 'Storm-1152' }] },
  { kind: 'organization', name: 'Microsoft', canonical: 'Microsoft', aliases: [], mentions: [{ start: 32, end: 41, text: 'Microsoft' }] },
];

describe('pageEntities', () => {
  it('keys each entity by kind and canonical name and quotes each mention with its context', () => {
    const { entities, rejected } = pageEntities(TEXT, found, []);
    expect(entities.map((e) => e.key)).toEqual(['threat-actor:scattered spider', 'threat-actor:storm-1152', 'organization:microsoft']);
    expect(entities[1].quotes).toEqual([{ exact: 'Storm-1152', prefix: 'OctoTempesthelped', suffix: '.Microsoftacted.' }]);
    expect(rejected).toEqual([]);
  });

  it('marks confirmed entities and sets rejected ones apart', () => {
    const result = pageEntities(TEXT, found, [
      { entityKey: 'threat-actor:storm-1152', status: 'confirmed' },
      { entityKey: 'threat-actor:scattered spider', status: 'rejected' },
    ]);
    expect(result.entities.map((e) => [e.name, e.verdict])).toEqual([['Storm-1152', 'confirmed'], ['Microsoft', null]]);
    expect(result.rejected.map((e) => e.name)).toEqual(['Octo Tempest']);
    expect(actorKeysOf(result)).toEqual(['storm-1152']);
  });
});
