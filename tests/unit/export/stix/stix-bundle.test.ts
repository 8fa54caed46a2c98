import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stixBundle, stixJson } from '@/lib/export/stix/stix-bundle';
import type { StixObject } from '@/lib/export/stix/stix-types';
import { stixViolations } from './stix-rules';
import { SCATTERED_SPIDER, GOLDEN, PLACES, URL, SHA256, at, objectsOf, ofType, tag, highlight, page, samplePage } from './stix-test-pages';

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
