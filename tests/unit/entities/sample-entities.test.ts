import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import type { Entity } from '@/lib/entities/types';
import { FIXTURES_DIR } from '../../../harness/paths';
import { fixtureDocument } from '../../support/load-html';

const URL = 'http://127.0.0.1/storm-1152.html';
const GOLDEN = path.join(FIXTURES_DIR, 'golden', 'storm-1152.entities.json');

/** The golden file lists each entity with its mentions as `start-end` pairs, one line each, to review easily. */
interface GoldenEntity extends Omit<Entity, 'mentions'> {
  mentions: string[];
}

function toGolden(entities: readonly Entity[]): GoldenEntity[] {
  return entities.map(({ mentions, ...rest }) => ({ ...rest, mentions: mentions.map((m) => `${m.start}-${m.end} ${m.text}`) }));
}

describe('entities of the sample article (storm-1152.html)', () => {
  const extraction = extractArticle(fixtureDocument('storm-1152.html', URL), URL);
  const entities = createEntityScanner(loadEntityData()).findEntities(extraction.textContent);
  const find = (kind: Entity['kind'], canonical: string) => entities.find((e) => e.kind === kind && e.canonical === canonical);

  it('matches the golden file', () => {
    expect(toGolden(entities)).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('finds Storm-1152 seventeen times, each at its offsets in the article text', () => {
    const storm = find('threat-actor', 'Storm-1152');
    expect(storm?.mentions).toHaveLength(17);
    for (const m of storm!.mentions) expect(extraction.textContent.slice(m.start, m.end)).toBe('Storm-1152');
  });

  it('resolves Octo Tempest to Scattered Spider with its other names', () => {
    const spider = find('threat-actor', 'Scattered Spider');
    expect(spider?.name).toBe('Octo Tempest');
    expect(spider?.aliases).toEqual(expect.arrayContaining(['Octo Tempest', 'UNC3944', 'Muddled Libra', '0ktapus']));
    expect(spider?.mentions.every((m) => m.text === 'Octo Tempest')).toBe(true);
  });

  it('names no other threat actor', () => {
    expect(
      entities
        .filter((e) => e.kind === 'threat-actor')
        .map((e) => e.canonical)
        .sort(),
    ).toEqual(['Scattered Spider', 'Storm-1152']);
  });

  it('finds Microsoft and Arkose Labs as organisations', () => {
    expect(find('organization', 'Microsoft')).toBeDefined();
    expect(find('organization', 'Arkose Labs')?.mentions).toHaveLength(1);
  });

  it('takes nothing from the "Explore more" teasers, which are not in the article text', () => {
    const doc = fixtureDocument('storm-1152.html', URL);
    const teasers = [...doc.querySelectorAll('section.related li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(teasers.length).toBeGreaterThan(3);
    for (const teaser of teasers) expect(extraction.textContent.replace(/\s+/g, ' ')).not.toContain(teaser);
    const text = extraction.textContent;
    for (const entity of entities) for (const m of entity.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
