/**
 * What the dictionaries know of a name the model judges, in any case (the model decides whether it is a
 * name): as a feature, which lists have it (`dictionaryFacts`); for a name the model keeps and the rules
 * did not resolve, the actor or family it names, with its other names and ATT&CK id (`dictionaryResolver`).
 */
import type { ActorDictionary } from '../dictionary';
import type { SoftwareDictionary } from '../software-dictionary';
import type { Resolve } from './combine';
import type { DictionaryFacts } from './span-features';

/** The facts of a name no list has (most names judged), shared. */
const NO_FACTS: readonly string[] = Object.freeze([]);

export function dictionaryFacts(actors: ActorDictionary, software: SoftwareDictionary): DictionaryFacts {
  return (surface) => {
    const facts: string[] = [];
    const actorIds = actors.lookupAnyCase(surface);
    if (actorIds.length) facts.push(actorIds.length > 1 ? 'actor-ambiguous' : 'actor');
    for (const id of software.lookupAnyCase(surface)) {
      const family = software.software[id];
      if (!facts.includes(family.kind)) facts.push(family.kind);
      if (family.ransomware && !facts.includes('ransomware')) facts.push('ransomware');
    }
    return facts.length > 0 ? facts : NO_FACTS;
  };
}

export function dictionaryResolver(actors: ActorDictionary, software: SoftwareDictionary): Resolve {
  return (kind, surface) => {
    if (kind === 'threat-actor') {
      const ids = actors.lookupAnyCase(surface);
      if (!ids.length) return undefined;
      const actor = actors.actors[ids[0]];
      return {
        canonical: actor.canonical,
        aliases: actor.aliases,
        ...(actor.mitreId ? { attackId: actor.mitreId } : {}),
        ...(ids.length > 1 ? { candidates: ids.map((id) => actors.actors[id].canonical) } : {}),
      };
    }
    const ids = software.lookupAnyCase(surface);
    if (!ids.length) return undefined;
    const family = software.software[ids[0]];
    return { canonical: family.canonical, aliases: family.aliases, ...(family.attackId ? { attackId: family.attackId } : {}) };
  };
}
