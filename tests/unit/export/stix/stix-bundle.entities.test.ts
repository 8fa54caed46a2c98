/** STIX export of the entities a researcher confirms: malware, tools, techniques, CVEs, organisations, people and places. */
import { describe, expect, it } from 'vitest';
import { stixBundle, stixJson } from '@/lib/export/stix/stix-bundle';
import { stixId } from '@/lib/export/stix/stix-ids';
import { stixViolations } from './stix-rules';
import { PLACES, URL, at, objectsOf, ofType, tag, page } from './stix-test-pages';

describe('STIX export of malware, tools, techniques and CVEs', () => {
  const attackIds: Record<string, string> = { 'malware:Cobalt Strike': 'S0154', 'technique:Phishing': 'T1566', 'tool:Mimikatz': 'bogus' };
  const p = page(URL, {
    entityTags: [
      tag(URL, 'malware', 'Cobalt Strike'),
      tag(URL, 'tool', 'Mimikatz'),
      tag(URL, 'technique', 'Phishing'),
      tag(URL, 'vulnerability', 'CVE-2023-4966'),
    ],
  });
  const objects = stixBundle([p], { attackIdOf: (kind, name) => attackIds[`${kind}:${name}`] }).objects ?? [];

  it('exports each with the references it has', () => {
    expect(objects.filter((o) => o.type !== 'report' && o.type !== 'note')).toMatchObject([
      {
        type: 'malware',
        name: 'Cobalt Strike',
        is_family: true,
        external_references: [{ source_name: 'mitre-attack', external_id: 'S0154', url: 'https://attack.mitre.org/software/S0154/' }],
      },
      { type: 'tool', name: 'Mimikatz' },
      {
        type: 'attack-pattern',
        name: 'Phishing',
        external_references: [{ external_id: 'T1566', url: 'https://attack.mitre.org/techniques/T1566/' }],
      },
      { type: 'vulnerability', name: 'CVE-2023-4966', external_references: [{ source_name: 'cve', external_id: 'CVE-2023-4966' }] },
    ]);
  });

  it('ignores an ATT&CK id that is not one', () => {
    expect(ofType(objects, 'tool')[0].external_references).toBeUndefined();
    expect(stixViolations({ type: 'bundle', id: 'bundle--1adaa916-8f50-5d4e-afab-905f742bc15b', objects })).toEqual([]);
  });

  it('types a dual-use tool by its use: a tunnel as remote-access, a scanner as information-gathering, an archiver not at all', () => {
    const dual = page(URL, {
      entityTags: [tag(URL, 'tool', 'Ligolo-ng'), tag(URL, 'tool', 'Advanced IP Scanner'), tag(URL, 'tool', 'WinRAR')],
    });
    const tools = ofType(stixBundle([dual]).objects ?? [], 'tool');
    expect(tools.map((t) => [t.name, t.tool_types])).toEqual([
      ['Advanced IP Scanner', ['information-gathering']],
      ['Ligolo-ng', ['remote-access']],
      ['WinRAR', undefined],
    ]);
    expect(stixViolations(stixBundle([dual]))).toEqual([]);
  });

  it('types a remote-support product as a remote-access tool, and no other tool', () => {
    const remote = page(URL, { entityTags: [tag(URL, 'tool', 'AnyDesk'), tag(URL, 'tool', 'ScreenConnect', 'ConnectWise')] });
    const tools = ofType(stixBundle([remote]).objects ?? [], 'tool');
    expect(tools.map((t) => [t.name, t.tool_types])).toEqual([
      ['AnyDesk', ['remote-access']],
      ['ConnectWise', ['remote-access']],
    ]);
    expect(ofType(objects, 'tool')[0]).not.toHaveProperty('tool_types');
    expect(stixViolations(stixBundle([remote]))).toEqual([]);
  });
});

describe('STIX export of organisations, people and places', () => {
  const OTHER = 'https://blog.example/colonial';
  const first = page(URL, {
    entityTags: [
      tag(URL, 'organization', 'Colonial Pipeline'),
      tag(URL, 'person', 'Colonial Pipeline', 'Colonial Pipeline', { created: at(8, 6) }),
      tag(URL, 'place', 'Iranian', 'Iran'),
      tag(URL, 'place', 'Tehran', 'Tehran', { created: at(8, 7) }),
      tag(URL, 'place', 'Texas', 'Texas', { created: at(8, 7) }),
      tag(URL, 'place', 'Levant', 'Levant', { created: at(8, 7) }),
      tag(URL, 'place', 'Middle East', 'Middle East', { created: at(8, 7) }),
      tag(URL, 'place', 'Natanz', 'Natanz', { created: at(8, 7) }),
      tag(URL, 'organization', 'Unit 42', 'Unit 42', { status: 'rejected' }),
    ],
  });
  const second = page(OTHER, {
    entityTags: [
      tag(OTHER, 'organization', 'COLONIAL PIPELINE', 'COLONIAL PIPELINE', { created: at(9, 0), updated: at(9, 30) }),
      tag(OTHER, 'place', 'Iran', 'Iran', { created: at(7, 0) }),
    ],
  });
  const objects = objectsOf([second, first], { placeOf: PLACES });

  it('writes an organisation as an organization identity and a person as an individual, apart though they share a name', () => {
    expect(ofType(objects, 'identity').map((i) => [i.name, i.identity_class])).toEqual([
      ['Colonial Pipeline', 'individual'],
      ['Colonial Pipeline', 'organization'],
    ]);
    expect(ofType(objects, 'identity').map((i) => i.id)).toEqual([
      stixId('identity', 'identity:individual:colonial pipeline'),
      stixId('identity', 'identity:organization:colonial pipeline'),
    ]);
  });

  it('writes one object per entity across pages, named as first confirmed and dated by its verdicts', () => {
    const [organisation] = ofType(objects, 'identity').filter((i) => i.identity_class === 'organization');
    expect(organisation).toMatchObject({ created: '2023-12-15T08:05:00.000Z', modified: '2023-12-15T09:30:00.000Z' });
    const iran = ofType(objects, 'location').filter((l) => l.name === 'Iran');
    expect(iran).toHaveLength(1);
    expect(iran[0]).toMatchObject({ name: 'Iran', created: '2023-12-15T07:00:00.000Z' });
    for (const report of ofType(objects, 'report'))
      expect(report.object_refs).toEqual(expect.arrayContaining([organisation.id, iran[0].id]));
  });

  it('says where each place is: its country, the country and city or state, or its region', () => {
    expect(
      ofType(objects, 'location').map(({ name, country, region, city, administrative_area }) => ({
        name,
        country,
        region,
        city,
        administrative_area,
      })),
    ).toEqual([
      { name: 'Iran', country: 'IR', region: undefined, city: undefined, administrative_area: undefined },
      { name: 'Levant', country: undefined, region: 'western-asia', city: undefined, administrative_area: undefined },
      { name: 'Tehran', country: 'IR', region: undefined, city: 'Tehran', administrative_area: undefined },
      { name: 'Texas', country: 'US', region: undefined, city: undefined, administrative_area: 'Texas' },
    ]);
  });

  it('leaves out a place it cannot locate (one that straddles regions, one not listed) rather than write an invalid location', () => {
    const json = stixJson(stixBundle([first], { placeOf: PLACES }));
    expect(json).not.toContain('Middle East');
    expect(json).not.toContain('Natanz');
    expect(stixViolations(JSON.parse(json))).toEqual([]);
    // Without the list, no place can be located; the identities stay.
    expect(ofType(objectsOf([first]), 'location')).toEqual([]);
    expect(ofType(objectsOf([first]), 'identity')).toHaveLength(2);
  });

  it('leaves out rejected ones and draws no relationships', () => {
    expect(stixJson(stixBundle([first], { placeOf: PLACES }))).not.toContain('Unit 42');
    expect(objects.map((o) => o.type)).not.toContain('relationship');
    expect(stixViolations({ type: 'bundle', id: stixId('bundle', 'x'), objects })).toEqual([]);
  });
});
