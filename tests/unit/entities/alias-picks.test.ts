import { describe, expect, it } from 'vitest';
import { actorNameIndex } from '@/lib/entities/alias-candidates';
import { applyAliasPicks, type AliasPick } from '@/lib/entities/alias-picks';
import { explainEntity } from '@/lib/entities/explain-entity';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { withUserActors } from '@/lib/entities/user-actors';
import { threatActors } from './shared-data';

const actors = threatActors();
const index = actorNameIndex(actors);
const scanner = createEntityScanner({ actors });

// Real names the shipped data gives to more than one actor (data/THREAT-ACTORS-SOURCES.md, "Merge method").
const GRIZZLY = 'Grizzly Steppe was blamed for the intrusion. Investigators said Grizzly Steppe used spear-phishing.';
const KITTEN = 'Charming Kitten sent lures to journalists. Later, Magic Hound reused them, and Charming Kitten went quiet.';

const actorsIn = (text: string, picks: AliasPick[]) =>
  applyAliasPicks(scanner.findEntities(text), picks, index)
    .filter((e) => e.kind === 'threat-actor')
    .map((e) => [e.name, e.canonical, e.mentions.length]);

describe('actorNameIndex: every actor a name may mean, and where each goes by it', () => {
  it('lists the candidates of a shared alias from the shipped data, with each entry’s lists', () => {
    expect(index.candidates('grizzly  STEPPE').map((c) => [c.canonical, c.relation, c.lists])).toEqual([
      ['APT28', 'alias', ['MITRE ATT&CK', 'MISP galaxy', 'Microsoft naming map']],
      ['APT29', 'alias', ['MITRE ATT&CK', 'MISP galaxy', 'Microsoft naming map']],
    ]);
    // The actor whose own name it is comes first, as the dictionary prefers it.
    expect(index.candidates('Charming Kitten').map((c) => [c.canonical, c.relation, c.lists])).toEqual([
      ['Charming Kitten', 'name', ['MISP galaxy']],
      ['Magic Hound', 'alias', ['MITRE ATT&CK', 'MISP galaxy', 'Microsoft naming map']],
    ]);
    expect(index.candidates('Labyrinth Chollima').map((c) => c.canonical)).toEqual([
      'AppleJeus',
      'Lazarus Group',
      'Moonstone Sleet',
      'TraderTraitor',
    ]);
    expect(index.candidates('Storm-1152').map((c) => c.canonical)).toEqual(['Storm-1152']);
    expect(index.candidates('no such actor')).toEqual([]);
  });

  it('says which names the user gave', () => {
    const own = [
      { canonical: 'APT29', aliases: ['Grizzly Steppe'] },
      { canonical: 'Quiet Heron', aliases: ['Grizzly Steppe'] },
    ];
    const merged = withUserActors(actors, own);
    const candidates = actorNameIndex(merged, own).candidates('Grizzly Steppe');
    expect(candidates.map((c) => [c.canonical, c.lists.at(-1)])).toEqual([
      ['APT28', 'Microsoft naming map'],
      ['APT29', 'You'],
      ['Quiet Heron', 'You'],
    ]);
  });
});

describe('applyAliasPicks: the researcher’s pick decides what an ambiguous name means', () => {
  it('without a pick, keeps Gloss’s choice and lists every candidate of each ambiguous name', () => {
    const [entity] = applyAliasPicks(scanner.findEntities(GRIZZLY), [], index).filter((e) => e.kind === 'threat-actor');
    expect([entity.canonical, entity.mentions.length, entity.candidates]).toEqual(['APT28', 2, ['APT28', 'APT29']]);
    expect(entity.ambiguous?.map((a) => [a.name, a.candidates.map((c) => c.canonical), a.pick, a.everywhere])).toEqual([
      ['Grizzly Steppe', ['APT28', 'APT29'], null, null],
    ]);
  });

  it('moves every mention of the picked name to the picked actor, with its names and ATT&CK id', () => {
    const entities = applyAliasPicks(scanner.findEntities(GRIZZLY), [{ name: 'grizzly steppe', actor: 'APT29', scope: 'page' }], index);
    const actorsFound = entities.filter((e) => e.kind === 'threat-actor');
    expect(actorsFound).toHaveLength(1);
    const [apt29] = actorsFound;
    expect([apt29.name, apt29.canonical, apt29.attackId, apt29.mentions.map((m) => m.text)]).toEqual([
      'Grizzly Steppe',
      'APT29',
      'G0016',
      ['Grizzly Steppe', 'Grizzly Steppe'],
    ]);
    expect(apt29.aliases).toContain('Midnight Blizzard');
    expect(apt29.candidates).toEqual(['APT29', 'APT28']);
    expect(apt29.ambiguous?.[0].pick).toEqual({ actor: 'APT29', scope: 'page' });
  });

  it('joins the picked actor’s own entity when the text names it otherwise too, and counts them together', () => {
    // Gloss takes Magic Hound for "Charming Kitten" here, since the text names Magic Hound outright.
    expect(actorsIn(KITTEN, [])).toEqual([['Charming Kitten', 'Magic Hound', 3]]);
    expect(actorsIn(KITTEN, [{ name: 'Charming Kitten', actor: 'Charming Kitten', scope: 'everywhere' }])).toEqual([
      ['Charming Kitten', 'Charming Kitten', 2],
      ['Magic Hound', 'Magic Hound', 1],
    ]);
  });

  it('lets a pick for this page beat one for every page, and ignores a pick for an actor the name cannot mean', () => {
    const everywhere: AliasPick = { name: 'Grizzly Steppe', actor: 'APT29', scope: 'everywhere' };
    expect(actorsIn(GRIZZLY, [everywhere])).toEqual([['Grizzly Steppe', 'APT29', 2]]);
    const both = applyAliasPicks(
      scanner.findEntities(GRIZZLY),
      [everywhere, { name: 'Grizzly Steppe', actor: 'APT28', scope: 'page' }],
      index,
    ).filter((e) => e.kind === 'threat-actor');
    expect(both.map((e) => e.canonical)).toEqual(['APT28']);
    expect(both[0].ambiguous?.[0]).toMatchObject({ pick: { actor: 'APT28', scope: 'page' }, everywhere: 'APT29' });
    const stale = applyAliasPicks(
      scanner.findEntities(GRIZZLY),
      [{ name: 'Grizzly Steppe', actor: 'Lazarus Group', scope: 'page' }],
      index,
    );
    expect(stale.filter((e) => e.kind === 'threat-actor').map((e) => [e.canonical, e.ambiguous?.[0].pick])).toEqual([['APT28', null]]);
  });

  it('leaves other entities and kinds as they were', () => {
    const text = 'Storm-1152 sold accounts to Octo Tempest. Microsoft acted.';
    const found = scanner.findEntities(text);
    expect(applyAliasPicks(found, [{ name: 'Grizzly Steppe', actor: 'APT29', scope: 'page' }], index)).toEqual(found);
  });
});

describe('explainEntity: an ambiguous name names every candidate and where each comes from', () => {
  it('says who decided: Gloss, or the researcher for this page or every page', () => {
    const [taken] = applyAliasPicks(scanner.findEntities(GRIZZLY), [], index).filter((e) => e.kind === 'threat-actor');
    const listed =
      'APT28 (another name for it; MITRE ATT&CK, MISP galaxy, Microsoft naming map) or APT29 (another name for it; MITRE ATT&CK, MISP galaxy, Microsoft naming map)';
    expect(explainEntity(taken)).toContain(
      `“Grizzly Steppe” may mean ${listed}; Gloss took APT28, the one the text names elsewhere or the lists put first`,
    );
    const [picked] = applyAliasPicks(
      scanner.findEntities(GRIZZLY),
      [{ name: 'Grizzly Steppe', actor: 'APT29', scope: 'everywhere' }],
      index,
    ).filter((e) => e.kind === 'threat-actor');
    expect(explainEntity(picked)).toContain(`“Grizzly Steppe” may mean ${listed}; you picked APT29 for every page`);
  });
});
