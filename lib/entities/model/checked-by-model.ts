/**
 * Which of the rules' entities the model checks when it is joined as `checked` (`entity-model.ts`): a threat
 * actor that only a cue proposed ("the Trickbot group", "REvil gang"), whose name no list has and no vendor
 * scheme makes. Such a name is the rules' weakest actor: on reports whose names are in no list, most of their
 * wrong actors are malware named with a group noun. The model, which also reads the name's other mentions and
 * the words around it, then decides it like any name the rules did not find: an actor, malware, a tool, or none.
 */
import type { Entity } from '../types';
import { isListed } from './candidates';

export function isCueOnlyActor(entity: Entity): boolean {
  const rules = entity.foundBy?.rules;
  return entity.kind === 'threat-actor' && !isListed(entity) && !rules?.listed && !rules?.scheme;
}

/** The rules' entities the model does not check: all of them but the cue-only actors. */
export const keptWithoutCheck = (ruleEntities: readonly Entity[]): Entity[] => ruleEntities.filter((e) => !isCueOnlyActor(e));
