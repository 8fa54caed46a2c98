/**
 * Verdicts that follow an entity to its new name. A verdict is kept under the entity's key, its kind and
 * canonical name (`entity-key.ts`). When the scanner comes to resolve a name otherwise than when the
 * researcher confirmed or rejected it (a data update lists it as another actor's name; a gang now goes by
 * its ransomware's name: "ALPHV" is BlackCat), the verdict would stay behind under the old name: a second,
 * confirmed "ALPHV" beside an unconfirmed BlackCat. A verdict on a name an entity is mentioned by, where the
 * entity has none of its own and no other entity holds that name as its key, moves to the entity.
 */
import { formKey } from './dictionary';
import { entityKey } from './entity-key';
import type { StoredVerdict, Verdict } from './page-entities';
import type { Entity, EntityKind } from './types';

export interface MovedVerdict {
  /** The key the verdict is kept under now. */
  from: string;
  /** The entity it moves to, under `entityKey(to)`. */
  to: { kind: EntityKind; name: string; canonical: string };
  status: Verdict;
}

/** Distinct names read per entity: a name is short, but a hostile page may mention one in many spellings. */
const MAX_NAMES = 50;

export function movedVerdicts(found: readonly Entity[], verdicts: readonly StoredVerdict[]): MovedVerdict[] {
  if (verdicts.length === 0) return [];
  const statusByKey = new Map(verdicts.map((v) => [v.entityKey, v.status]));
  const foundKeys = new Set(found.map(entityKey));
  const taken = new Set<string>();
  const moves: MovedVerdict[] = [];
  for (const entity of found) {
    const key = entityKey(entity);
    if (statusByKey.has(key)) continue;
    const names = new Set<string>();
    for (const mention of entity.mentions) {
      if (names.size === MAX_NAMES) break;
      names.add(formKey(mention.text));
    }
    for (const name of names) {
      const from = `${entity.kind}:${name}`;
      const status = statusByKey.get(from);
      if (status === undefined || foundKeys.has(from) || taken.has(from)) continue;
      taken.add(from);
      moves.push({ from, to: { kind: entity.kind, name: entity.name, canonical: entity.canonical }, status });
      break;
    }
  }
  return moves;
}
