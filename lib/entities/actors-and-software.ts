/**
 * Threat actors, malware and tools in article text.
 *
 * Candidates come from three places, all found in a few linear passes: the dictionaries (actor and
 * software names in one Aho–Corasick pass, `match-names.ts`), vendor naming schemes
 * (`naming-patterns.ts`) and context cues (`names-from-context.ts`, `context-cues.ts`). Overlapping candidates go to the
 * longest; each is then decided (`decide-candidates.ts`: actor or software, kept or dropped, its final
 * span), and the decided mentions grouped into entities (`group-entities.ts`).
 */
import { buildActorDictionary, type ActorDictionary, type ThreatActorRecord } from './dictionary';
import type { NameSearchGroup } from './folded-search';
import { createNameMatcher, selectLongest, type NameMatcher } from './match-names';
import { buildSoftwareDictionary, type SoftwareDictionary, type SoftwareRecord } from './software-dictionary';
import { gatherCandidates, type Tag } from './candidate-spans';
import { decideCandidates } from './decide-candidates';
import { groupEntities } from './group-entities';
import type { Entity } from './types';

export type { SoftwareRecord } from './software-dictionary';

export interface EntityFinder {
  dictionary: ActorDictionary;
  software: SoftwareDictionary;
  findEntities(text: string): Entity[];
}

export function createEntityFinder(
  actors: readonly ThreatActorRecord[],
  software: readonly SoftwareRecord[] = [],
  group?: NameSearchGroup,
): EntityFinder {
  return entityFinderFrom(buildActorDictionary(actors), buildSoftwareDictionary(software), group);
}

/** The finder over dictionaries already built (or read from a compiled index). */
export function entityFinderFrom(
  dictionary: ActorDictionary,
  softwareDictionary: SoftwareDictionary,
  group?: NameSearchGroup,
): EntityFinder {
  const patterns = [
    ...dictionary.forms.map((f) => ({
      form: f.form,
      caseSensitive: f.caseSensitive,
      data: { type: 'actor', ids: f.actorIds, weak: f.weak, lowerListed: !/\p{Lu}/u.test(f.form) } as Tag,
    })),
    ...softwareDictionary.forms
      .filter((f) => f.form.length >= 3 || f.caseSensitive)
      .map((f) => ({
        form: f.form,
        caseSensitive: f.caseSensitive,
        data: { type: 'software', ids: f.softwareIds, weak: f.weak, lowerListed: !/\p{Lu}/u.test(f.form) } as Tag,
      })),
  ];
  const matcher: NameMatcher<Tag> = createNameMatcher(patterns, group);
  return {
    dictionary,
    software: softwareDictionary,
    findEntities: (text) => findEntitiesWith(text, dictionary, softwareDictionary, matcher),
  };
}

function findEntitiesWith(
  text: string,
  dictionary: ActorDictionary,
  softwareDictionary: SoftwareDictionary,
  matcher: NameMatcher<Tag>,
): Entity[] {
  const spans = gatherCandidates(text, dictionary, softwareDictionary, matcher);
  const chosen = selectLongest(spans.filter((s) => s.actorIds.length || s.softwareIds.length || s.scheme || s.cued));

  return groupEntities(text, decideCandidates(text, chosen, dictionary, softwareDictionary), dictionary, softwareDictionary);
}

/**
 * Entities in `text` against the given threat-actor (and optionally software) records. Building the
 * matcher costs tens of milliseconds; reuse `createEntityFinder` for many texts.
 */
export function findEntities(text: string, actors: readonly ThreatActorRecord[], software: readonly SoftwareRecord[] = []): Entity[] {
  return createEntityFinder(actors, software).findEntities(text);
}
