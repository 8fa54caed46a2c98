import { describe, expect, it } from 'vitest';
import { createEntityScanner, settleOverlaps } from '@/lib/entities/scan-entities';
import type { Entity, EntityKind } from '@/lib/entities/types';
import { attackTechniques, organizations, places, software, threatActors } from './shared-data';

const entity = (kind: EntityKind, name: string, spans: [number, number][]): Entity => ({
  kind,
  name,
  canonical: name,
  aliases: [],
  mentions: spans.map(([start, end]) => ({ start, end, text: name })),
});

describe('settleOverlaps', () => {
  it('gives a stretch of text to the longer mention, whatever its kind', () => {
    const url = entity('indicator', 'http://evil.example/a', [[0, 21]]);
    const org = entity('organization', 'evil', [
      [7, 11],
      [30, 34],
    ]);
    expect(settleOverlaps([org, url])).toEqual([url, { ...org, mentions: [org.mentions[1]] }]);
  });

  it('breaks a tie on the same span by kind: actor before malware before organisation', () => {
    const actor = entity('threat-actor', 'Winnti', [[5, 11]]);
    const malware = entity('malware', 'Winnti', [[5, 11]]);
    const org = entity('organization', 'Winnti', [[5, 11]]);
    expect(settleOverlaps([org, malware, actor])).toEqual([actor]);
  });

  it('counts no full stop at a mention\'s end: the listed group in "worked with Evil Corp." ties with the company reading', () => {
    const actor = entity('threat-actor', 'Evil Corp', [[17, 26]]);
    const company = { ...entity('organization', 'Evil Corp.', [[17, 27]]) };
    expect(settleOverlaps([company, actor])).toEqual([actor]);
    const longer = entity('organization', 'Evil Corp Ltd.', [[17, 31]]);
    expect(settleOverlaps([actor, longer])).toEqual([longer]);
  });

  it('drops an entity left with no mention and orders the rest by first mention', () => {
    const a = entity('place', 'B', [[50, 51]]);
    const b = entity('tool', 'A', [[10, 12]]);
    const c = entity('technique', 'AB', [[10, 13]]);
    expect(settleOverlaps([a, b, c]).map((e) => e.name)).toEqual(['AB', 'B']);
  });

  it('keeps every mention of a long text in order when nothing overlaps', () => {
    const many = entity(
      'place',
      'X',
      Array.from({ length: 5000 }, (_, i) => [i * 3, i * 3 + 2] as [number, number]),
    );
    const [kept] = settleOverlaps([many]);
    expect(kept.mentions).toHaveLength(5000);
    expect(kept.mentions.every((m, i) => i === 0 || m.start > kept.mentions[i - 1].start)).toBe(true);
  });
});

describe('createEntityScanner', () => {
  const scanner = createEntityScanner({ actors: threatActors(), software: software() });
  it('runs every finder over the text', () => {
    const found = scanner.findEntities('Octo Tempest exploited CVE-2023-4966 from 203.0.113.7 with Mimikatz.');
    expect(found.map((e) => [e.kind, e.canonical])).toEqual([
      ['threat-actor', 'Scattered Spider'],
      ['vulnerability', 'CVE-2023-4966'],
      ['indicator', '203.0.113.7'],
      ['tool', 'Mimikatz'],
    ]);
  });
});

describe('createEntityScanner: a cued group that is a listed organisation', () => {
  const scanner = createEntityScanner({ actors: threatActors(), software: software(), organizations: organizations() });
  const kinds = (text: string) => scanner.findEntities(text).map((e) => [e.kind, e.name]);
  it('gives "the X Group" to the organisation the list holds, a research team or a company, not to an actor', () => {
    expect(kinds('According to the Insikt Group at Recorded Future, the attackers used Tor.')).toEqual([
      ['organization', 'Insikt Group'],
      ['organization', 'Recorded Future'],
    ]);
  });
  it('keeps a group no list holds: "the Quartz Lynx Group"', () => {
    expect(kinds('The Quartz Lynx Group used Tor.')).toEqual([['threat-actor', 'Quartz Lynx Group']]);
  });
  it('keeps a group the text introduces under a name shaped like a public body\'s: "refers to itself as the Malachite Bureau"', () => {
    const text = 'We observed a new ransomware group that refers to itself as the Malachite Bureau. The Malachite Bureau buys access.';
    expect(kinds(text)).toContainEqual(['threat-actor', 'Malachite Bureau']);
    expect(kinds(text).filter(([kind]) => kind === 'organization')).toEqual([]);
  });
});

describe('createEntityScanner: a name shaped like a domain', () => {
  const scanner = createEntityScanner({ actors: threatActors(), software: software() });
  const found = (text: string) => scanner.findEntities(text).map((e) => [e.kind, e.mentions.map((m) => m.text).join(' ')]);
  it('is the software the text names, with capitals in it, not an indicator: "a spam botnet called Svirel.bot"', () => {
    const text = 'They rented a small spam botnet called Svirel.bot from a customer. The loader came through Svirel.bot spam.';
    expect(found(text)).toEqual([['malware', 'Svirel.bot Svirel.bot']]);
  });
  it('stays an indicator where it is written as a domain is: in lower case or defanged', () => {
    const text = 'A spam botnet called Svirel.bot used the C2 svirel.bot and Svirel[.]bot.';
    expect(found(text)).toEqual([
      ['malware', 'Svirel.bot'],
      ['indicator', 'svirel.bot Svirel[.]bot'],
    ]);
  });
});

describe('createEntityScanner: a cued group that is a place', () => {
  const scanner = createEntityScanner({ actors: threatActors(), software: software(), places: places() });
  const kinds = (text: string) => scanner.findEntities(text).map((e) => [e.kind, e.name]);
  it('gives a name only a cue made a group, at every mention a place, to the place: "the invasion of Ukraine, the group behind…"', () => {
    const text = 'Shortly after the invasion of Ukraine, the group behind the service repositioned itself. It backs Ukraine.';
    expect(kinds(text)).toEqual([['place', 'Ukraine']]);
  });
  it('keeps the groups no place list names', () => {
    const text = 'After the invasion of Ukraine, the group behind it grew. The Sokolniki gang then struck.';
    expect(kinds(text)).toEqual([
      ['place', 'Ukraine'],
      ['threat-actor', 'Sokolniki'],
    ]);
  });
});

describe('createEntityScanner: ATT&CK tables', () => {
  const scanner = createEntityScanner({ actors: threatActors(), software: software(), techniques: attackTechniques() });
  const table = [
    'Leviathan is a threat group. MITRE ATT&CK mapping:',
    '| Enterprise | T1078 | Valid Accounts | Leviathan uses valid accounts to access VPN services. |',
    '| Enterprise | T1107 | File Deletion | Self delete |',
  ].join('\n');

  it('gives a procedure row, the actor named in it included, to the technique', () => {
    const found = scanner.findEntities(table);
    const actor = found.find((e) => e.kind === 'threat-actor')!;
    expect(actor.mentions.map((m) => m.start)).toEqual([0]);
    const rows = found.filter((e) => e.kind === 'technique').map((e) => [e.attackId, e.name, e.mentions.map((m) => m.text)]);
    expect(rows).toEqual([
      ['T1078', 'T1078 Valid Accounts', ['T1078 | Valid Accounts | Leviathan uses valid accounts to access VPN services.']],
      ['T1107', 'T1107 File Deletion', ['T1107 | File Deletion']],
    ]);
  });

  it('finds the same from the scan in steps as the background runs it', () => {
    const steps = scanner.scanSteps(table);
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value).toEqual(scanner.findEntities(table));
  });
});
