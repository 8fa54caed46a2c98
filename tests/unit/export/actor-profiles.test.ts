import { describe, expect, it } from 'vitest';
import { actorProfiles } from '@/lib/export/actor-profiles';

const records = [
  { name: 'Scattered Spider', aliases: ['Octo Tempest', 'UNC3944', 'octo tempest'], microsoft_name: 'Octo Tempest', mitre_id: 'G1015' },
  { name: 'Storm-1152', aliases: [] },
];

describe('actor profiles', () => {
  it('gives the canonical name, other names once each, and the ATT&CK group id', () => {
    expect(actorProfiles(records, ['scattered spider'])).toEqual([
      { key: 'scattered spider', canonical: 'Scattered Spider', aliases: ['Octo Tempest', 'UNC3944'], attackId: 'G1015' },
    ]);
  });

  it('sorts by name and leaves out the ATT&CK id when there is none', () => {
    expect(actorProfiles(records, ['storm-1152', 'scattered spider']).map((p) => p.canonical)).toEqual(['Scattered Spider', 'Storm-1152']);
    expect(actorProfiles(records, ['storm-1152'])[0]).not.toHaveProperty('attackId');
  });

  it('keeps an unknown actor under the name its tag stored, or its key', () => {
    expect(actorProfiles(records, ['crimson heron', 'x'], new Map([['crimson heron', 'Crimson Heron']]))).toEqual([
      { key: 'crimson heron', canonical: 'Crimson Heron', aliases: [] },
      { key: 'x', canonical: 'x', aliases: [] },
    ]);
  });
});
