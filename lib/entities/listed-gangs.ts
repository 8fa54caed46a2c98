/**
 * A gang named after its ransomware that an actor list does have, under a name of its own: the lists
 * file CrowdStrike's Alpha Spider as "ALPHV Ransomware Group", TA2101 as "Maze Team", Operation Emmental
 * as "Retefe Gang". A text's "ALPHV affiliates" or "the BlackCat gang" is that actor, not a gang no
 * list has (`group-entities.ts`).
 */
import { formKey, type ActorDictionary } from './dictionary';
import type { Software } from './software-dictionary';

/** The words after a family's name in such a listed name, longest first. */
const GANG_SUFFIXES = ['ransomware group', 'ransomware gang', 'gang', 'group', 'team'] as const;

/**
 * The one listed actor a family's names make with a gang suffix ("ALPHV" + "Ransomware Group"), or
 * undefined when none does or several different actors do (the lists disagree: no guess).
 */
export function listedGangOf(family: Pick<Software, 'canonical' | 'aliases'>, dictionary: ActorDictionary): number | undefined {
  const found = new Set<number>();
  for (const name of [family.canonical, ...family.aliases])
    for (const suffix of GANG_SUFFIXES) for (const id of dictionary.lookupAnyCase(`${name} ${suffix}`)) found.add(id);
  return found.size === 1 ? found.values().next().value : undefined;
}

/** A function of a family's id to its listed gang, each family looked up once. */
export function listedGangs(dictionary: ActorDictionary, software: readonly Software[]): (familyId: number) => number | undefined {
  const known = new Map<number, number | undefined>();
  return (familyId) => {
    if (!known.has(familyId)) known.set(familyId, listedGangOf(software[familyId], dictionary));
    return known.get(familyId);
  };
}

/**
 * Of an actor's listed names, the one that is one of `familyNames` with a gang suffix: its `name`
 * ("ALPHV Ransomware Group") and the family's name in it (`stem`, "ALPHV").
 */
export function gangNameAmong(actorNames: readonly string[], familyNames: readonly string[]): { name: string; stem: string } | undefined {
  const stems = new Set(familyNames.map(formKey));
  for (const name of actorNames) {
    const key = formKey(name);
    for (const suffix of GANG_SUFFIXES) {
      if (!key.endsWith(` ${suffix}`) || !stems.has(key.slice(0, -suffix.length - 1))) continue;
      return { name, stem: name.slice(0, name.length - suffix.length - 1) };
    }
  }
  return undefined;
}
