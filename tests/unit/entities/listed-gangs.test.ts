import { describe, expect, it } from 'vitest';
import { buildActorDictionary, type ActorDictionary, type ThreatActorRecord } from '@/lib/entities/dictionary';
import { gangNameAmong, listedGangOf } from '@/lib/entities/listed-gangs';
import { threatActors } from './shared-data';

const shipped = buildActorDictionary(threatActors());
const canonicalIn = (dictionary: ActorDictionary, id: number | undefined) =>
  id === undefined ? undefined : dictionary.actors[id].canonical;
const canonicalOf = (id: number | undefined) => canonicalIn(shipped, id);

describe('listedGangOf', () => {
  it('finds the actor a list files under a family’s name with “Ransomware Group”, “Gang” or “Team”', () => {
    expect(canonicalOf(listedGangOf({ canonical: 'BlackCat', aliases: ['ALPHV', 'Noberus'] }, shipped))).toBe('Alpha Spider');
    expect(canonicalOf(listedGangOf({ canonical: 'Maze', aliases: [] }, shipped))).toBe('TA2101');
    expect(canonicalOf(listedGangOf({ canonical: 'Retefe', aliases: [] }, shipped))).toBe('Operation Emmental');
  });

  it('finds none for a family no list names a gang after', () => {
    expect(listedGangOf({ canonical: 'REvil', aliases: ['Sodinokibi'] }, shipped)).toBeUndefined();
  });

  it('does not guess between two actors the lists give the gang’s names to', () => {
    const records: ThreatActorRecord[] = [
      { name: 'First Bear', aliases: ['Foo Gang'] },
      { name: 'Second Bear', aliases: ['Bar Team'] },
    ];
    const dictionary = buildActorDictionary(records);
    expect(listedGangOf({ canonical: 'Foo', aliases: ['Bar'] }, dictionary)).toBeUndefined();
    expect(canonicalIn(dictionary, listedGangOf({ canonical: 'Foo', aliases: [] }, dictionary))).toBe('First Bear');
  });
});

describe('gangNameAmong', () => {
  it('gives the listed gang name made of one of the family’s names, and that name', () => {
    expect(gangNameAmong(['ALPHV Ransomware Group'], ['BlackCat', 'alphv'])).toEqual({ name: 'ALPHV Ransomware Group', stem: 'ALPHV' });
    expect(gangNameAmong(['Storm-0216', 'Maze Team'], ['Maze'])).toEqual({ name: 'Maze Team', stem: 'Maze' });
  });

  it('gives nothing for a group noun after another name', () => {
    expect(gangNameAmong(['Cobalt Gang', 'Lazarus Group'], ['BlackCat'])).toBeUndefined();
  });
});
