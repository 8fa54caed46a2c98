/**
 * Which of the rules' entities the model checks when it is joined as `checked` (`entity-model.ts`): a threat
 * actor that only a cue proposed ("Trickbot" in "the Trickbot group"), whose name no list has, no vendor
 * scheme makes, which does not itself end in a group noun ("Cobalt Group", "the TrickBot gang" stay) nor is
 * written in dotted initials ("the M.O.D. crew"), and which
 * no cue introduces as a group's own name ("we dubbed the gang X", "the X APT", "refers to itself as X": they
 * stay too; unseen CV threat actors 0.799 → 0.804, plain CV unchanged). Such a name is the rules' weakest actor: on reports whose names are in no list, most of their
 * wrong actors are malware named with a group noun. The model, which also reads the name's other mentions and
 * the words around it, may then recast it as malware or a tool (`KEEP_ACTOR_BELOW`), never as nothing.
 */
import type { Entity } from '../types';
import { isListed } from './candidates';

/** A name that ends in a group noun says itself what it is: "Cobalt Group", "the TrickBot gang". */
const GROUP_NAMED = /[\s\u00a0](?:Group|Gang|Team|Crew)$/;

/**
 * Dotted initials ("M.O.D.", "T.A.G."): AnnoCTR's reports name no actor so, and the model learned the
 * spelling from places and organisations ("U.S.", "U.K."); it cannot judge such a name, and the cue that
 * proposed it is the better evidence. (The held-out reports' misses included such names.)
 */
const DOTTED_INITIALS = /^(?:\p{Lu}\.){2,}\p{Lu}?$/u;

export function isCueOnlyActor(entity: Entity): boolean {
  const rules = entity.foundBy?.rules;
  return (
    entity.kind === 'threat-actor' &&
    !isListed(entity) &&
    !rules?.listed &&
    !rules?.scheme &&
    !rules?.introduced &&
    !GROUP_NAMED.test(entity.name) &&
    !DOTTED_INITIALS.test(entity.name)
  );
}

/** The rules' entities the model does not check: all of them but the cue-only actors. */
export const keptWithoutCheck = (ruleEntities: readonly Entity[]): Entity[] => ruleEntities.filter((e) => !isCueOnlyActor(e));

/** Where the cue-only actors' mentions are, as `start:end`. */
export function cueOnlyActorSpans(ruleEntities: readonly Entity[]): Set<string> {
  const at = new Set<string>();
  for (const e of ruleEntities) if (isCueOnlyActor(e)) for (const m of e.mentions) at.add(`${m.start}:${m.end}`);
  return at;
}

/**
 * The model recasts a cue-only actor as malware or a tool only when it is at least this sure of that reading
 * (its plain softmax probability, the units this was chosen in, not the calibrated confidence the details
 * show: `calibration.ts`). It never drops one for `none`: a name the text itself calls a group ("the
 * Quillfeather gang") stays a group, and its details say the model doubts it. (Before, a `none` as sure as
 * this dropped it: AnnoCTR's annotators mark "X gang" as the group with its noun or as the malware, never as
 * a bare "X", so the model had learned that "gang" after a new name means no actor at all.)
 * Chosen by the unseen cross-validation (README, "Names no list has"), threat actors F1: 0.840 at 0.5, 0.842
 * at 0.6, 0.844 at 0.7, 0.846 at 0.8, 0.851 at 0.9 and 0.95, 0.815 never recast; the plain cross-validation is
 * the same at each. (Dropping for `none` as well, as before, it was 0.818 at 0.8.)
 */
export const KEEP_ACTOR_BELOW = 0.9;
