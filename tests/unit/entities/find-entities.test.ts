import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { createEntityFinder } from '@/lib/entities/find-entities';
import { fixtureDocument } from '../../support/load-html';
import { software, threatActors } from './shared-data';

const finder = createEntityFinder(threatActors(), software());
const actorsIn = (text: string) => finder.findEntities(text).filter((e) => e.kind === 'threat-actor');

describe('findEntities', () => {
  it('groups every name of one actor under its canonical name', () => {
    const text = 'Octo Tempest, also known as UNC3944 or Scattered Spider, and again octo tempest.';
    const [actor, ...rest] = actorsIn(text);
    expect(rest).toEqual([]);
    expect(actor).toMatchObject({ kind: 'threat-actor', name: 'Octo Tempest', canonical: 'Scattered Spider' });
    expect(actor.mentions.map((m) => m.text)).toEqual(['Octo Tempest', 'UNC3944', 'Scattered Spider', 'octo tempest']);
    for (const m of actor.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('does not take the Cobalt group out of Cobalt Strike', () => {
    expect(actorsIn('They deployed Cobalt Strike beacons.')).toEqual([]);
  });
  it('reports names no list has yet from vendor schemes', () => {
    const [actor] = actorsIn('Microsoft Threat Intelligence tracks this actor as Storm-9999.');
    expect(actor).toMatchObject({ name: 'Storm-9999', canonical: 'Storm-9999', aliases: [] });
  });
  it('resolves a spaced scheme name to the listed spelling', () => {
    expect(actorsIn('APT 28 phishing')[0]).toMatchObject({ name: 'APT 28', canonical: 'APT28' });
  });
  it('reports CVE ids as vulnerabilities, one entity per id', () => {
    const entities = finder.findEntities('CVE-2023-4966 (cve-2023-4966) and CVE-2024-12345; not XCVE-2023-4966');
    expect(entities.map((e) => [e.kind, e.canonical, e.mentions.length])).toEqual([
      ['vulnerability', 'CVE-2023-4966', 2],
      ['vulnerability', 'CVE-2024-12345', 1],
    ]);
  });
});

describe('the Storm-1152 article', () => {
  const article = extractArticle(fixtureDocument('storm-1152.html'));
  const entities = finder.findEntities(article.textContent);
  const actors = entities.filter((e) => e.kind === 'threat-actor');
  console.log(actors.map((e) => `${e.name} → ${e.canonical}: ${e.mentions.length}`).join('\n'));

  it('finds Storm-1152 17 times, at the right offsets', () => {
    const storm = actors.find((e) => e.canonical === 'Storm-1152');
    expect(storm?.mentions).toHaveLength(17);
    for (const m of storm!.mentions) expect(article.textContent.slice(m.start, m.end)).toBe('Storm-1152');
  });
  it('resolves Octo Tempest to Scattered Spider', () => {
    const scattered = actors.find((e) => e.canonical === 'Scattered Spider');
    expect(scattered?.mentions.map((m) => m.text)).toEqual(['Octo Tempest', 'Octo Tempest']);
  });
  it('finds no other threat actor', () => {
    expect(actors.map((e) => e.canonical).sort()).toEqual(['Scattered Spider', 'Storm-1152']);
  });
});
