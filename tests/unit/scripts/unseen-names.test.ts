/**
 * `npm run eval:entities -- --cv --unseen`: each fold's lists lose every record that names an actor, malware
 * or tool marked in the reports left out, and keep every other record (scripts/entities-eval/unseen-names.ts).
 */
import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import type { ThreatActorRecord } from '@/lib/entities/dictionary';
import type { SoftwareRecord } from '@/lib/entities/software-dictionary';
import { foldLists, forgetsUnseen, nameKeys } from '../../../scripts/entities-eval/unseen-names';
import type { Report } from '../../../scripts/entities-eval/scoring';

const actors: ThreatActorRecord[] = [
  { name: 'Lazarus Group', aliases: ['Hidden Cobra', 'ZINC'], microsoft_name: 'Diamond Sleet' },
  { name: 'Scattered Spider', aliases: ['Octo Tempest', 'UNC3944'], microsoft_name: 'Octo Tempest' },
  { name: 'Sandworm Team', aliases: ['Voodoo Bear'] },
  { name: 'Cobalt Group', aliases: ['Cobalt Gang', 'Cobalt'], weak: ['Cobalt'] },
];
const software: SoftwareRecord[] = [
  { name: 'Cobalt Strike', aliases: ['Beacon'], kind: 'tool' },
  { name: 'TrickBot', aliases: ['Trickster'], kind: 'malware' },
  { name: 'Mimikatz', aliases: [], kind: 'tool' },
];

/** A report with these gold mentions (their offsets in a text made of them). */
function report(id: string, mentions: [string, string][]): Report {
  let text = '';
  const spans = mentions.map(([surface, type]) => {
    const start = text.length;
    text += `${surface}. `;
    return { start, end: start + surface.length, text: surface, type };
  });
  return { id, text, mentions: spans };
}

const names = (records: { name: string }[]) => records.map((r) => r.name);

describe('the --unseen folds', () => {
  it('compares a name without "the", a possessive or a trailing kind noun', () => {
    expect(nameKeys('the Lazarus Group')).toEqual(['the lazarus group', 'lazarus']);
    expect(nameKeys("Sandworm's")).toEqual(["sandworm's", 'sandworm']);
    expect(nameKeys('TrickBot gang')).toEqual(['trickbot gang', 'trickbot']);
    expect(nameKeys('Conti ransomware')).toEqual(['conti ransomware', 'conti']);
    // A kind noun alone is no name.
    expect(nameKeys('the group')).toEqual(['the group']);
  });

  it('removes every record a left-out report names, with all its aliases, from both lists', () => {
    const heldOut = [
      report('a', [
        ['Hidden Cobra', 'GROUP'],
        ['the Sandworm group', 'GROUP'],
        ['Trickbot', 'MALWARE'],
      ]),
    ];
    const lists = foldLists(actors, software, heldOut);
    expect(names(lists.actors)).toEqual(['Scattered Spider', 'Cobalt Group']);
    expect(lists.removedActors).toEqual(['Lazarus Group', 'Sandworm Team']);
    expect(names(lists.software)).toEqual(['Cobalt Strike', 'Mimikatz']);
    // Gone with the record: the canonical name, the other aliases and the Microsoft name.
    const finder = createEntityFinder(lists.actors, lists.software);
    for (const form of ['Lazarus Group', 'ZINC', 'Diamond Sleet', 'Voodoo Bear', 'Trickster']) {
      expect(finder.dictionary.lookupAnyCase(form), form).toEqual([]);
      expect(finder.software.lookupAnyCase(form), form).toEqual([]);
    }
  });

  it('keeps the names that occur only in the training folds', () => {
    const lists = foldLists(actors, software, [report('b', [['Octo Tempest', 'GROUP']])]);
    expect(names(lists.actors)).toEqual(['Lazarus Group', 'Sandworm Team', 'Cobalt Group']);
    expect(names(lists.software)).toEqual(['Cobalt Strike', 'TrickBot', 'Mimikatz']);
    const finder = createEntityFinder(lists.actors, lists.software);
    expect(finder.dictionary.lookupAnyCase('Hidden Cobra')).toHaveLength(1);
    expect(finder.software.lookupAnyCase('Mimikatz')).toHaveLength(1);
  });

  it('removes a name whatever type the left-out report gave it, and no record for a longer name', () => {
    // "Cobalt Strike" marked as malware removes the tool record; the actor "Cobalt" stays.
    const lists = foldLists(actors, software, [report('c', [['Cobalt Strike', 'MALWARE']])]);
    expect(names(lists.software)).toEqual(['TrickBot', 'Mimikatz']);
    expect(names(lists.actors)).toContain('Cobalt Group');
  });

  it('reads only GROUP, MALWARE and TOOL mentions', () => {
    const lists = foldLists(actors, software, [report('d', [['Lazarus Group', 'ORG']])]);
    expect(lists.removedActors).toEqual([]);
  });

  it("makes the fold's model forget the left-out names' spellings, and only those", () => {
    const lists = foldLists(actors, software, [report('e', [['the Sandworm Team', 'GROUP']])]);
    const forget = forgetsUnseen(lists.unseenKeys);
    expect(forget('name=sandworm')).toBe(true);
    expect(forget('name=the sandworm team')).toBe(true);
    expect(forget('first=sandworm')).toBe(true);
    expect(forget('last=sandworm')).toBe(true);
    // Kind nouns, "the", other names and other features stay.
    expect(forget('last=team')).toBe(false);
    expect(forget('first=the')).toBe(false);
    expect(forget('name=lazarus')).toBe(false);
    expect(forget('L1=sandworm')).toBe(false);
    expect(forget('shape=Xx')).toBe(false);
  });
});
