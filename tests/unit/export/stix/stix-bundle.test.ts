import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityKey } from '@/lib/entities/entity-key';
import type { EntityKind } from '@/lib/entities/types';
import type { ActorProfile, PageExport } from '@/lib/export/page-export';
import { placeLookup } from '@/lib/export/place-facts';
import { stixBundle, stixJson, type StixExportOptions } from '@/lib/export/stix/stix-bundle';
import { stixId } from '@/lib/export/stix/stix-ids';
import type { StixObject } from '@/lib/export/stix/stix-types';
import { entityTagId } from '@/lib/storage/entity-tag-store';
import type { AnnotationRecord, EntityTagRecord, EntityTagStatus } from '@/lib/storage/records';
import { FIXTURES_DIR } from '../../../../harness/paths';
import { stixViolations } from './stix-rules';

const GOLDEN = path.join(FIXTURES_DIR, 'golden', 'storm-1152.stix.json');
/** Where places are, from the list Gloss ships. */
const PLACES = placeLookup(JSON.parse(readFileSync(path.join(FIXTURES_DIR, '..', '..', 'data', 'places.json'), 'utf8')));
const URL = 'https://news.example/storm-1152';
const SHA256 = 'c6d8f9adb1423d7f64977708367502bc34ba7439fa7069fd7aae82fc761e2fa1';
const at = (hour: number, minute: number) => Date.UTC(2023, 11, 15, hour, minute);

const SCATTERED_SPIDER: ActorProfile = {
  key: 'scattered spider',
  canonical: 'Scattered Spider',
  aliases: ['Octo Tempest', 'Roasted 0ktapus', 'Storm-0875', 'UNC3944', 'Muddled Libra', 'Oktapus', 'Scattered Swine', '0ktapus'],
  attackId: 'G1015',
};
const STORM_1152: ActorProfile = { key: 'storm-1152', canonical: 'Storm-1152', aliases: [] };

function tag(
  pageUrl: string,
  kind: EntityKind,
  name: string,
  canonical = name,
  { status = 'confirmed', created = at(8, 5), updated = created }: { status?: EntityTagStatus; created?: number; updated?: number } = {},
): EntityTagRecord {
  const key = entityKey({ kind, canonical });
  return { id: entityTagId(pageUrl, key), pageUrl, entityKey: key, kind, name, canonical, status, createdAt: created, updatedAt: updated };
}

function highlight(pageUrl: string, id: string, exact: string, note: string, start = 120, tags: string[] = []): AnnotationRecord {
  return {
    id,
    pageUrl,
    color: 'yellow',
    note,
    tags,
    createdAt: at(8, 15),
    updatedAt: at(8, 18),
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
  };
}

function page(url: string, overrides: Partial<PageExport> = {}, title = 'A report'): PageExport {
  return {
    page: { url, title, siteName: 'Security Newsroom', byline: null, publishedTime: null, createdAt: at(8, 0), updatedAt: at(8, 20) },
    annotations: [],
    entityTags: [],
    actors: [],
    ...overrides,
  };
}

/**
 * The sample article as a researcher leaves it: two actors confirmed, one rejected, two indicators, the
 * company that took the group down and the country its case was filed in, one highlight.
 */
function samplePage(): PageExport {
  const sample = page(
    URL,
    {
      entityTags: [
        tag(URL, 'threat-actor', 'Storm-1152'),
        tag(URL, 'threat-actor', 'Octo Tempest', 'Scattered Spider', { created: at(8, 6), updated: at(8, 10) }),
        tag(URL, 'threat-actor', 'Storm-0558', 'Storm-0558', { status: 'rejected', created: at(8, 7) }),
        tag(URL, 'indicator', '198.51.100.23', '198.51.100.23', { created: at(8, 12) }),
        tag(URL, 'indicator', SHA256, SHA256, { created: at(8, 13) }),
        tag(URL, 'organization', 'Microsoft', 'Microsoft', { created: at(8, 14) }),
        tag(URL, 'place', 'US', 'United States', { created: at(8, 14), updated: at(8, 16) }),
      ],
      annotations: [
        highlight(
          URL,
          '5f0c7a52-2d1e-4b8a-9a51-0d6f3c2b7e11',
          'Storm-1152, the group behind 750 million fraudulent Microsoft accounts',
          'Sold CAPTCHA-solving services; Octo Tempest was a customer.',
          312,
          ['storm-1152', 'fraud'],
        ),
      ],
      actors: [SCATTERED_SPIDER, STORM_1152],
    },
    'Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities',
  );
  sample.page.publishedTime = '2023-12-14T09:00:00+00:00';
  sample.page.byline = 'Newsroom Staff';
  return sample;
}

const objectsOf = (pages: PageExport[], options: StixExportOptions = {}) => stixBundle(pages, options).objects ?? [];
const ofType = <T extends StixObject['type']>(objects: StixObject[], type: T) =>
  objects.filter((o): o is Extract<StixObject, { type: T }> => o.type === type);

describe('STIX export of the sample article', () => {
  const bundle = stixBundle([samplePage()], { placeOf: PLACES });
  const objects = bundle.objects ?? [];

  it('matches the golden file byte for byte', () => {
    expect(stixJson(bundle)).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('is valid STIX 2.1', () => {
    expect(stixViolations(JSON.parse(stixJson(bundle)))).toEqual([]);
  });

  it('describes the page as a report published when the article says', () => {
    const [report] = ofType(objects, 'report');
    expect(report).toMatchObject({
      name: 'Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities',
      published: '2023-12-14T09:00:00.000Z',
      report_types: ['threat-report'],
      created: '2023-12-15T08:00:00.000Z',
      external_references: [{ source_name: 'Security Newsroom', url: URL }],
    });
    expect(report.object_refs).toEqual(objects.filter((o) => o.type !== 'report').map((o) => o.id));
  });

  it('exports each confirmed actor as an intrusion set with its other names and ATT&CK id', () => {
    const sets = ofType(objects, 'intrusion-set');
    expect(sets.map((s) => s.name)).toEqual(['Scattered Spider', 'Storm-1152']);
    expect(sets[0].aliases).toEqual(expect.arrayContaining(['Octo Tempest', 'UNC3944', '0ktapus']));
    expect(sets[0].aliases).not.toContain('Scattered Spider');
    expect(sets[0].external_references).toEqual([
      { source_name: 'mitre-attack', external_id: 'G1015', url: 'https://attack.mitre.org/groups/G1015/' },
    ]);
    expect(sets[1].aliases).toBeUndefined();
  });

  it('leaves out the rejected actor entirely', () => {
    expect(stixJson(bundle)).not.toContain('Storm-0558');
  });

  it('exports the indicators with STIX patterns, in pattern order', () => {
    expect(ofType(objects, 'indicator').map((i) => [i.name, i.pattern, i.valid_from])).toEqual([
      [SHA256, `[file:hashes.'SHA-256' = '${SHA256}']`, '2023-12-15T08:13:00.000Z'],
      ['198.51.100.23', "[ipv4-addr:value = '198.51.100.23']", '2023-12-15T08:12:00.000Z'],
    ]);
  });

  it('exports the company as an identity and the country as a location with its ISO code', () => {
    expect(ofType(objects, 'identity')).toMatchObject([{ name: 'Microsoft', identity_class: 'organization' }]);
    expect(ofType(objects, 'location')).toMatchObject([
      { name: 'United States', country: 'US', created: '2023-12-15T08:14:00.000Z', modified: '2023-12-15T08:16:00.000Z' },
    ]);
  });

  it('carries the highlight as a note on the report', () => {
    const [note] = ofType(objects, 'note');
    expect(note.content).toBe(
      '> Storm-1152, the group behind 750 million fraudulent Microsoft accounts\n\nSold CAPTCHA-solving services; Octo Tempest was a customer.',
    );
    expect(note.object_refs).toEqual([ofType(objects, 'report')[0].id]);
    expect(note.labels).toEqual(['storm-1152', 'fraud']);
  });
});

describe('STIX export determinism', () => {
  it('gives the same bytes for the same records in any order', () => {
    const shuffled = samplePage();
    shuffled.entityTags.reverse();
    shuffled.actors.reverse();
    const other = page('https://blog.example/a', { annotations: [highlight('https://blog.example/a', 'n2', 'quote', '')] });
    expect(stixJson(stixBundle([shuffled, other]))).toBe(stixJson(stixBundle([other, samplePage()])));
  });

  it('derives the bundle id from its objects', () => {
    const one = stixBundle([samplePage()]);
    const withOther = stixBundle([
      samplePage(),
      page('https://blog.example/a', { annotations: [highlight('https://blog.example/a', 'n2', 'q', '')] }),
    ]);
    expect(one.id).toBe(stixBundle([samplePage()]).id);
    expect(withOther.id).not.toBe(one.id);
  });
});

describe('STIX export across pages', () => {
  const OTHER = 'https://blog.example/octo-tempest';
  const second = page(OTHER, {
    entityTags: [tag(OTHER, 'threat-actor', 'UNC3944', 'Scattered Spider', { created: at(7, 0), updated: at(9, 0) })],
    actors: [{ ...SCATTERED_SPIDER, aliases: [...SCATTERED_SPIDER.aliases, 'Starfraud'] }],
  });

  it('exports an actor confirmed on two pages once, referred to by both reports', () => {
    const objects = objectsOf([samplePage(), second]);
    const spiders = ofType(objects, 'intrusion-set').filter((s) => s.name === 'Scattered Spider');
    expect(spiders).toHaveLength(1);
    const reports = ofType(objects, 'report');
    expect(reports).toHaveLength(2);
    for (const report of reports) expect(report.object_refs).toContain(spiders[0].id);
  });

  it('merges what both pages know of the actor, dated by its first and last verdicts', () => {
    const [spider] = ofType(objectsOf([samplePage(), second]), 'intrusion-set').filter((s) => s.name === 'Scattered Spider');
    expect(spider.aliases).toEqual(expect.arrayContaining(['Octo Tempest', 'UNC3944', 'Starfraud']));
    expect(spider).toMatchObject({ created: '2023-12-15T07:00:00.000Z', modified: '2023-12-15T09:00:00.000Z' });
  });

  it('keeps a page once when it is passed twice', () => {
    expect(ofType(objectsOf([samplePage(), samplePage()]), 'report')).toHaveLength(1);
  });
});

describe('STIX export of what is not there', () => {
  it('skips an indicator it cannot classify instead of writing a broken pattern', () => {
    const p = page(URL, { entityTags: [tag(URL, 'indicator', 'see 198.51.100.23 and more'), tag(URL, 'threat-actor', 'Storm-1152')] });
    const objects = objectsOf([p]);
    expect(ofType(objects, 'indicator')).toEqual([]);
    expect(ofType(objects, 'report')[0].object_refs).toHaveLength(1);
  });

  it('leaves out a page with nothing to refer to, and sends a bundle without objects when none is left', () => {
    const bare = page(URL, { entityTags: [tag(URL, 'threat-actor', 'Storm-1152', 'Storm-1152', { status: 'rejected' })] });
    const bundle = stixBundle(
      [bare, page('https://blog.example/a', { entityTags: [tag('https://blog.example/a', 'place', 'Middle East')] })],
      { placeOf: PLACES },
    );
    expect(bundle).toEqual({ type: 'bundle', id: expect.stringMatching(/^bundle--/) });
    expect(JSON.parse(stixJson(bundle))).not.toHaveProperty('objects');
  });

  it("leaves out pages with nothing confirmed when asked (the library's export), highlights or not", () => {
    const notesOnly = page('https://blog.example/a', { annotations: [highlight('https://blog.example/a', 'n2', 'a quote', 'a note')] });
    const everything = stixBundle([samplePage(), notesOnly]);
    expect(ofType(everything.objects ?? [], 'report')).toHaveLength(2);
    const confirmedOnly = stixBundle([samplePage(), notesOnly], { confirmedPagesOnly: true }).objects ?? [];
    expect(ofType(confirmedOnly, 'report').map((r) => r.external_references?.[0].url)).toEqual([URL]);
    expect(ofType(confirmedOnly, 'note').map((n) => n.content)).not.toContain('> a quote\n\na note');
    expect(ofType(confirmedOnly, 'note')).toHaveLength(1);
    expect(stixBundle([notesOnly], { confirmedPagesOnly: true }).objects).toBeUndefined();
  });

  it('dates a report by when it was saved when the article gives no readable date', () => {
    const undated = page(URL, { entityTags: [tag(URL, 'threat-actor', 'Storm-1152')] });
    undated.page.publishedTime = 'last Tuesday';
    expect(ofType(objectsOf([undated]), 'report')[0].published).toBe('2023-12-15T08:00:00.000Z');
  });
});

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

describe('STIX export of hostile text', () => {
  const NASTY = 'https://evil.example/it\'s?q="x"&r=\\';
  const nastyTitle = 'O\'Brien "quoted" \\ back\nslash — ünïcödé 🕷 \ud800 </script>';
  const p = page(
    NASTY,
    {
      entityTags: [
        tag(NASTY, 'threat-actor', 'Actor "X"\n\\', 'Actor "X"\n\\'),
        tag(NASTY, 'indicator', "http://evil.example.com/it's"),
        tag(NASTY, 'malware', '  '),
      ],
      annotations: [highlight(NASTY, 'id"\n', "line one\n\nline 'two' \\", 'note with "quotes"\r\nand \u2028 separators')],
      actors: [{ key: 'actor "x" \\', canonical: 'Actor "X"\n\\', aliases: ['', '  ', 'Ẋ'], attackId: 'G1015/../../evil' }],
    },
    nastyTitle,
  );
  const json = stixJson(stixBundle([p]));
  const parsed = JSON.parse(json);

  it('stays valid STIX and valid JSON', () => {
    expect(stixViolations(parsed)).toEqual([]);
  });

  it('keeps the text exactly, escaped only as JSON and patterns require', () => {
    const report = parsed.objects.find((o: StixObject) => o.type === 'report');
    expect(report.name).toBe(nastyTitle);
    expect(report.external_references[0].url).toBe(NASTY);
    const indicator = parsed.objects.find((o: StixObject) => o.type === 'indicator');
    expect(indicator.pattern).toBe("[url:value = 'http://evil.example.com/it\\'s']");
    const note = parsed.objects.find((o: StixObject) => o.type === 'note');
    expect(note.content).toBe('> line one\n>\n> line \'two\' \\\n\nnote with "quotes"\r\nand \u2028 separators');
  });

  it('drops empty names and a malformed ATT&CK id', () => {
    const set = parsed.objects.find((o: StixObject) => o.type === 'intrusion-set');
    expect(set.aliases).toEqual(['Ẋ']);
    expect(set.external_references).toBeUndefined();
    expect(parsed.objects.some((o: StixObject) => o.type === 'malware')).toBe(false);
  });
});
