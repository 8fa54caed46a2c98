/**
 * One stretch of text is one entity: where mentions of different entities overlap, the longer mention
 * wins, and for equal spans the kind earlier in `KIND_PRIORITY`. A full stop that ends a mention adds nothing
 * to its length: in "worked with Evil Corp." the company reading's "Corp." is the sentence's end, and the
 * listed group "Evil Corp" is as long. Used by the scanner after its finders, and again after the model's
 * names join the rules' (`model/apply-model.ts`).
 */
import { claimIfFree } from './match-names';
import type { Entity, EntityKind, Mention } from './types';

export const KIND_PRIORITY: readonly EntityKind[] = [
  'indicator',
  'vulnerability',
  'threat-actor',
  'malware',
  'tool',
  'technique',
  'organization',
  'place',
  'person',
];

/** A mention's length for settling, without a full stop at its end. */
const settlingLength = (m: Mention) => m.end - m.start - (m.text.endsWith('.') ? 1 : 0);

interface Owned {
  mention: Mention;
  entity: Entity;
  rank: number;
}

/** Keeps each stretch of text for one entity; entities left with no mention are dropped. */
export function settleOverlaps(entities: readonly Entity[]): Entity[] {
  const owned: Owned[] = entities.flatMap((entity) =>
    entity.mentions.map((mention) => ({ mention, entity, rank: KIND_PRIORITY.indexOf(entity.kind) })),
  );
  owned.sort((a, b) => settlingLength(b.mention) - settlingLength(a.mention) || a.rank - b.rank || a.mention.start - b.mention.start);
  const taken: Mention[] = [];
  const kept = new Map<Entity, Mention[]>();
  for (const { mention, entity } of owned) {
    if (!claimIfFree(taken, mention)) continue;
    const list = kept.get(entity);
    if (list) list.push(mention);
    else kept.set(entity, [mention]);
  }
  const result: Entity[] = [];
  for (const entity of entities) {
    const mentions = kept.get(entity);
    if (!mentions) continue;
    mentions.sort((a, b) => a.start - b.start);
    result.push(mentions.length === entity.mentions.length ? entity : { ...entity, mentions });
  }
  return result.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
