import { describe, expect, it } from 'vitest';
import { resolveActorName, suggestActors } from '@/lib/entities/search-actors';

const records = [
  { name: 'Scattered Spider', aliases: ['Octo Tempest', 'UNC3944', '0ktapus'] },
  { name: 'Storm-1152', aliases: [] },
  { name: 'Octopus Group', aliases: [] },
];

describe('resolveActorName', () => {
  it('finds the actor under any of its names, ignoring case and spacing', () => {
    expect(resolveActorName(records, 'unc3944')).toEqual(['Scattered Spider']);
    expect(resolveActorName(records, ' octo  tempest ')).toEqual(['Scattered Spider']);
    expect(resolveActorName(records, 'Storm-1152')).toEqual(['Storm-1152']);
    expect(resolveActorName(records, 'Nobody')).toEqual([]);
  });
});

describe('suggestActors', () => {
  it('ranks names starting with the query first, then aliases, then names containing it', () => {
    expect(suggestActors(records, 'oct').map((s) => s.canonical)).toEqual(['Octopus Group', 'Scattered Spider']);
    expect(suggestActors(records, 'tapus').map((s) => s.canonical)).toEqual(['Scattered Spider']);
    expect(suggestActors(records, '  ')).toEqual([]);
  });
});
