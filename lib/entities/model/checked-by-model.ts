/**
 * Which of the rules' entities the model checks when it is joined as `checked` (`entity-model.ts`): a threat
 * actor that only a cue proposed ("Trickbot" in "the Trickbot group"), whose name no list has, no vendor
 * scheme makes, and which does not itself end in a group noun ("Cobalt Group", "the TrickBot gang" stay). Such a name is the rules' weakest actor: on reports whose names are in no list, most of their
 * wrong actors are malware named with a group noun. The model, which also reads the name's other mentions and
 * the words around it, then decides it like any name the rules did not find: an actor, malware, a tool, or none.
 */
import type { Entity } from '../types';
import { isListed } from './candidates';

/** A name that ends in a group noun says itself what it is: "Cobalt Group", "the TrickBot gang". */
const GROUP_NAMED = /[\s\u00a0](?:Group|Gang|Team|Crew)$/;

export function isCueOnlyActor(entity: Entity): boolean {
  const rules = entity.foundBy?.rules;
  return entity.kind === 'threat-actor' && !isListed(entity) && !rules?.listed && !rules?.scheme && !GROUP_NAMED.test(entity.name);
}

/** The rules' entities the model does not check: all of them but the cue-only actors. */
export const keptWithoutCheck = (ruleEntities: readonly Entity[]): Entity[] => ruleEntities.filter((e) => !isCueOnlyActor(e));
