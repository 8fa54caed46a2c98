import { describe, expect, it } from 'vitest';
import { createEntityScanner, settleOverlaps } from '@/lib/entities/scan-entities';
import type { Entity, EntityKind } from '@/lib/entities/types';
import { software, threatActors } from './shared-data';

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
