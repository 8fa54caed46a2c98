import { describe, expect, it } from 'vitest';
import { actorOtherNames } from '@/lib/entities/actor-other-names';
import { actorNameIndex } from '@/lib/entities/alias-candidates';
import type { ThreatActorRecord } from '@/lib/entities/dictionary';
import { actorProfiles } from '@/lib/export/actor-profiles';
import { actorKey } from '@/lib/entities/entity-key';

const octo = {
  name: 'Scattered Spider',
  microsoft_name: 'Octo Tempest',
  aliases: ['UNC3944', 'octo  tempest', 'SCATTERED SPIDER', '0ktapus', 'unc3944', ''],
} as ThreatActorRecord;

describe("an actor's other names", () => {
  it("are Microsoft's name then the aliases, each once as the dictionary compares names, never its own name", () => {
    expect(actorOtherNames(octo)).toEqual(['Octo Tempest', 'UNC3944', '0ktapus']);
    expect(actorOtherNames({ name: 'Storm-1152', aliases: [] } as unknown as ThreatActorRecord)).toEqual([]);
  });

  it('are what both the candidates of an ambiguous name and the exports’ profiles list', () => {
    expect(actorNameIndex([octo]).candidates('UNC3944')[0].aliases).toEqual(actorOtherNames(octo));
    expect(actorProfiles([octo], [actorKey('Scattered Spider')])[0].aliases).toEqual(actorOtherNames(octo));
  });
});
