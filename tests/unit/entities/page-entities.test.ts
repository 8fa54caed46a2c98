import { describe, expect, it } from 'vitest';
import { actorKeysOf, mentionsOfNames, pageEntities } from '@/lib/entities/page-entities';
import type { Entity } from '@/lib/entities/types';

const TEXT = 'Octo Tempest helped Storm-1152. Microsoft acted.';
const found: Entity[] = [
  {
    kind: 'threat-actor',
    name: 'Octo Tempest',
    canonical: 'Scattered Spider',
    aliases: ['Octo Tempest'],
    mentions: [{ start: 0, end: 12, text: 'Octo Tempest' }],
  },
  {
    kind: 'threat-actor',
    name: 'Storm-1152',
    canonical: 'Storm-1152',
    aliases: [],
    mentions: [{ start: 20, end: 30, text: 'Storm-1152' }],
  },
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
    expect(result.entities.map((e) => [e.name, e.verdict])).toEqual([
      ['Storm-1152', 'confirmed'],
      ['Microsoft', null],
    ]);
    expect(result.rejected.map((e) => e.name)).toEqual(['Octo Tempest']);
    expect(actorKeysOf(result)).toEqual(['storm-1152']);
  });
});

describe('pageEntities: what the researcher tagged and the scan does not find', () => {
  const REPORT =
    'The loader FooLoader dropped a file; fooloader then beaconed. A FooLoaderX sample differs. Hash 44d88612fea8a8f36de82e1278abb02f.';

  it('shows a confirmed entity of any kind where the text names it, whole words in any case', () => {
    const result = pageEntities(
      REPORT,
      [],
      [{ entityKey: 'malware:fooloader', status: 'confirmed', kind: 'malware', name: 'FooLoader', canonical: 'FooLoader' }],
    );
    expect(result.entities).toHaveLength(1);
    const [foo] = result.entities;
    expect([foo.kind, foo.name, foo.verdict]).toEqual(['malware', 'FooLoader', 'confirmed']);
    expect(foo.mentions.map((m) => REPORT.slice(m.start, m.end))).toEqual(['FooLoader', 'fooloader']);
    expect(foo.quotes.map((q) => q.exact)).toEqual(['FooLoader', 'fooloader']);
  });

  it('gives a tagged indicator its type, and keeps an entity the text no longer names, with no mentions', () => {
    const result = pageEntities(
      REPORT,
      [],
      [
        {
          entityKey: 'indicator:44d88612fea8a8f36de82e1278abb02f',
          status: 'confirmed',
          kind: 'indicator',
          name: '44d88612fea8a8f36de82e1278abb02f',
          canonical: '44d88612fea8a8f36de82e1278abb02f',
        },
        { entityKey: 'tool:gone', status: 'confirmed', kind: 'tool', name: 'Gone', canonical: 'Gone' },
      ],
    );
    expect(result.entities.map((e) => [e.name, e.indicatorType, e.mentions.length])).toEqual([
      ['44d88612fea8a8f36de82e1278abb02f', 'md5', 1],
      ['Gone', undefined, 0],
    ]);
  });

  it('adds nothing for rejections, verdicts without names, or keys the scan already shows', () => {
    const found: Entity[] = [
      { kind: 'malware', name: 'FooLoader', canonical: 'FooLoader', aliases: [], mentions: [{ start: 11, end: 20, text: 'FooLoader' }] },
    ];
    const result = pageEntities(REPORT, found, [
      { entityKey: 'malware:fooloader', status: 'confirmed', kind: 'malware', name: 'FooLoader', canonical: 'FooLoader' },
      { entityKey: 'tool:sample', status: 'rejected', kind: 'tool', name: 'sample', canonical: 'sample' },
      { entityKey: 'tool:file', status: 'confirmed' },
    ]);
    expect(result.entities.map((e) => [e.key, e.mentions.length])).toEqual([['malware:fooloader', 1]]);
    expect(result.rejected).toEqual([]);
  });

  it('finds only whole names, the longer of two overlapping ones (its speed: linear-time.test.ts)', () => {
    expect(mentionsOfNames('a'.repeat(1000), ['aaaa'])).toEqual([]);
    expect(mentionsOfNames('Big Foo and Foo.', ['Foo', 'Big  Foo'])).toEqual([
      { start: 0, end: 7, text: 'Big Foo' },
      { start: 12, end: 15, text: 'Foo' },
    ]);
    expect(mentionsOfNames('x[.]com and x.com', ['x[.]com'])).toEqual([{ start: 0, end: 7, text: 'x[.]com' }]);
  });
});
