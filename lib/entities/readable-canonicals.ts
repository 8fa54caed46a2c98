/**
 * Canonical names as people write them. Ransomlook files gangs and their ransomware under lower-case
 * slugs ("rhysida", "play", "inc ransom": 480 of the shipped software records), which would reach the
 * popup, the details and the exports as such. Where the text writes that same name with capitals
 * ("Rhysida"), the entity's canonical name takes the text's spelling; else the first of its listed names
 * that is the same name with capitals. Only the letters' case changes, so the entity's key, its verdicts
 * and its record in the lists stay the same. Applied where Gloss hands a scan's entities out (the
 * background's page entities and selection tags, the CLI), not inside the scanner: the model, and the
 * cross-validation that judges it, read the names as listed.
 */
import { formKey } from './dictionary';
import { withoutGroupNoun } from './group-noun';
import type { Entity, EntityKind } from './types';

const HAS_CAPITAL = /\p{Lu}/u;
/** Names from lists; an indicator's canonical form is lower case on purpose (a domain, a hash). */
const NAMED_KINDS: ReadonlySet<EntityKind> = new Set(['threat-actor', 'malware', 'tool']);

/** `entities` with each lower-case canonical name written as the text or the lists write it with capitals. */
export function withReadableCanonicals(entities: readonly Entity[]): Entity[] {
  return entities.map((entity) => {
    if (!NAMED_KINDS.has(entity.kind) || HAS_CAPITAL.test(entity.canonical)) return entity;
    const key = formKey(entity.canonical);
    const spelled = (name: string) => HAS_CAPITAL.test(name) && formKey(name) === key;
    // A heading's capitals ("PLAY RANSOMWARE") are the heading's, not the name's.
    // "The 8Base gang": the gang's name with its noun.
    const inText = entity.mentions.map((m) => withoutGroupNoun(m.text)).filter(spelled);
    const readable =
      inText.find((name) => name !== name.toUpperCase()) ??
      inText[0] ??
      entity.aliases.find(spelled) ??
      recasedByJoinedMention(entity.canonical, entity.mentions);
    // A line break or a double space inside the name in the text is not part of it.
    return readable === undefined ? entity : { ...entity, canonical: readable.replace(/\s+/g, ' ').trim() };
  });
}

/**
 * "black suit" found as BlackSuit (`joined-names.ts`) reads "Black Suit": the listed words with the
 * capitals the text gives them, so only the case changes.
 */
function recasedByJoinedMention(canonical: string, mentions: Entity['mentions']): string | undefined {
  const letters = canonical.replace(/ /g, '');
  const joined = mentions
    .map((m) => withoutGroupNoun(m.text))
    .find((text) => HAS_CAPITAL.test(text) && text !== text.toUpperCase() && text.toLowerCase() === letters.toLowerCase());
  if (joined === undefined || letters === canonical) return undefined;
  let next = 0;
  return canonical.replace(/[^ ]/g, () => joined[next++]);
}
