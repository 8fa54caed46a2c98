import { describe, expect, it } from 'vitest';
import { attackUrl, describeEntity, type DetailSources } from '@/lib/entities/entity-details';
import type { Entity } from '@/lib/entities/types';

const sources: DetailSources = {
  actors: [
    {
      name: 'Scattered Spider',
      aliases: ['Octo Tempest', 'UNC3944'],
      source: 'mitre-attack',
      sources: ['mitre-attack', 'misp-galaxy', 'microsoft'],
      mitre_id: 'G1015',
      msft_origin: 'Financially motivated',
      refs: ['https://attack.mitre.org/groups/G1015', 'javascript:alert(1)', 'https://www.example.org/report'],
    },
    { name: 'Storm-1152', aliases: [], source: 'misp-galaxy', country: 'VN' },
    { name: 'Alpha Spider', aliases: ['ALPHV Ransomware Group'], source: 'misp-galaxy' },
  ],
  software: [
    { name: 'Mimikatz', aliases: [], kind: 'tool', source: 'mitre-attack', mitre_id: 'S0002' },
    {
      name: 'BlackCat',
      aliases: ['ALPHV', 'Noberus'],
      kind: 'ransomware',
      sources: ['mitre-attack', 'misp-galaxy'],
      mitre_id: 'S1068',
      refs: ['https://attack.mitre.org/software/S1068'],
    },
  ],
  userActorKeys: new Set(['gold harvest']),
};

const entity = (kind: Entity['kind'], canonical: string, extra: Partial<Entity> = {}): Entity => ({
  kind,
  name: canonical,
  canonical,
  aliases: [],
  mentions: [{ start: 0, end: canonical.length, text: canonical }],
  ...extra,
});

describe('attackUrl', () => {
  it('links groups, software, techniques and sub-techniques to their ATT&CK pages', () => {
    expect(attackUrl('G1015')).toBe('https://attack.mitre.org/groups/G1015/');
    expect(attackUrl('S0002')).toBe('https://attack.mitre.org/software/S0002/');
    expect(attackUrl('T1566.001')).toBe('https://attack.mitre.org/techniques/T1566/001/');
    expect(attackUrl('X1')).toBeNull();
  });
});

describe('describeEntity', () => {
  it('gives an actor its aliases, motivation, sources in words, ATT&CK page and other web references once each', () => {
    const details = describeEntity(entity('threat-actor', 'Scattered Spider', { aliases: ['Octo Tempest', 'UNC3944'] }), sources);
    expect(details).toEqual({
      kind: 'threat-actor',
      canonical: 'Scattered Spider',
      aliases: ['Octo Tempest', 'UNC3944'],
      motivation: 'Financially motivated',
      sources: ['MITRE ATT&CK', 'MISP galaxy', 'Microsoft naming map'],
      attackId: 'G1015',
      links: [
        { label: 'MITRE ATT&CK G1015', url: 'https://attack.mitre.org/groups/G1015/' },
        { label: 'example.org', url: 'https://www.example.org/report' },
      ],
      why: [],
    });
  });

  it('gives the country where the data knows it', () => {
    expect(describeEntity(entity('threat-actor', 'Storm-1152'), sources)).toMatchObject({ country: 'VN', sources: ['MISP galaxy'] });
  });

  it('says when the user named the actor', () => {
    expect(describeEntity(entity('threat-actor', 'Gold Harvest'), sources)).toMatchObject({ sources: ['You'], links: [] });
  });

  it('describes software from the software list', () => {
    expect(describeEntity(entity('tool', 'Mimikatz'), sources)).toMatchObject({ attackId: 'S0002', sources: ['MITRE ATT&CK'] });
  });

  it('describes a gang no actor list has from the ransomware it is named after, without taking the software’s ATT&CK id', () => {
    const gang = entity('threat-actor', 'BlackCat', {
      name: 'ALPHV',
      aliases: ['ALPHV', 'Noberus'],
      foundBy: { rules: { listed: true, family: true } },
    });
    const details = describeEntity(gang, sources);
    expect(details.attackId).toBeUndefined();
    expect(details.sources).toEqual(['MITRE ATT&CK', 'MISP galaxy']);
    expect(details.links).toEqual([{ label: 'attack.mitre.org', url: 'https://attack.mitre.org/software/S1068' }]);
    expect(details.why).toEqual(['ALPHV → BlackCat: another name of the ransomware the gang is named after (MITRE ATT&CK, MISP galaxy)']);
    // Only for a gang: an actor of that name from elsewhere (the user's own, say) is not described as one.
    expect(describeEntity({ ...gang, foundBy: { rules: { listed: true } } }, sources)).toMatchObject({ sources: [], links: [] });
    const named = describeEntity({ ...gang, name: 'BlackCat' }, sources);
    expect(named.why).toEqual([
      'A gang named after its ransomware, which the lists have (MITRE ATT&CK, MISP galaxy); no list has the gang itself',
    ]);
    // "The BlackCat gang" is the family's own name with a group noun, not another name.
    expect(describeEntity({ ...gang, name: 'BlackCat  Gang' }, sources).why).toEqual(named.why);
    expect(describeEntity({ ...gang, name: 'ALPHV gang' }, sources).why[0]).toMatch(
      /^ALPHV gang → BlackCat: another name of the ransomware/,
    );
  });

  it('describes a gang named after its ransomware that a list files under a name of its own as that actor', () => {
    const gang = entity('threat-actor', 'Alpha Spider', {
      name: 'ALPHV',
      aliases: ['ALPHV Ransomware Group', 'BlackCat', 'ALPHV', 'Noberus'],
      foundBy: { rules: { listed: true, family: true } },
    });
    expect(describeEntity(gang, sources)).toMatchObject({
      sources: ['MISP galaxy'],
      why: ['ALPHV → Alpha Spider: the gang named after its ransomware; the lists call it “ALPHV Ransomware Group” (MISP galaxy)'],
    });
    expect(describeEntity({ ...gang, name: 'BlackCat' }, sources).why).toEqual([
      'BlackCat → Alpha Spider: the gang named after its ransomware (also ALPHV); the lists call it “ALPHV Ransomware Group” (MISP galaxy)',
    ]);
    // The text names the actor itself first, and the gang after its ransomware later.
    expect(describeEntity({ ...gang, name: 'Alpha Spider' }, sources).why).toEqual([
      'A listed name (MISP galaxy); some mentions name the gang after its ransomware, as the lists do (“ALPHV Ransomware Group”)',
    ]);
    // Found by the actor's listed names alone, it is a listed name, nothing more.
    expect(describeEntity({ ...gang, name: 'Alpha Spider', foundBy: { rules: { listed: true } } }, sources).why).toEqual([
      'A listed name (MISP galaxy)',
    ]);
  });

  it('links a CVE to NVD and never links an indicator', () => {
    expect(describeEntity(entity('vulnerability', 'CVE-2023-4966'), sources).links).toEqual([
      { label: 'NVD', url: 'https://nvd.nist.gov/vuln/detail/CVE-2023-4966' },
    ]);
    expect(describeEntity(entity('indicator', 'http://evil.example/x', { indicatorType: 'url' }), sources).links).toEqual([]);
  });
});
