/**
 * One entity per key (kind and canonical name, `entity-key.ts`), as the popup, the library and the
 * exports expect. The steps of a scan can leave two with one key: the model's mentions of a name the rules
 * also found ("BlackWater" at other places), or two names of one actor, one found by the rules and the
 * other by the model alone ("TA415" and "Barium", both APT41). Shown apart, confirming one would confirm
 * both, and a list would name the same actor twice.
 */
import { entityKey } from './entity-key';
import type { Entity, FoundBy, Mention } from './types';

export function mergeSameEntities(entities: readonly Entity[]): Entity[] {
  const byKey = new Map<string, Entity[]>();
  for (const entity of entities) {
    const key = entityKey(entity);
    const same = byKey.get(key);
    if (same) same.push(entity);
    else byKey.set(key, [entity]);
  }
  if (byKey.size === entities.length) return [...entities];
  return [...byKey.values()]
    .map((same) => (same.length === 1 ? same[0] : mergeEntities(same)))
    .sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

function mergeEntities(same: readonly Entity[]): Entity {
  const mentions = mergeMentions(same.flatMap((e) => e.mentions));
  // The text's first name for it, and the identity the rules gave it (they know its candidates).
  const first = same.find((e) => e.mentions.some((m) => m.start === mentions[0].start)) ?? same[0];
  const identity = same.find((e) => e.foundBy?.rules) ?? first;
  const merged: Entity = { ...identity, name: first.name, mentions };
  const foundBy = mergeFoundBy(same.map((e) => e.foundBy));
  if (foundBy) merged.foundBy = foundBy;
  return merged;
}

function mergeMentions(all: readonly Mention[]): Mention[] {
  const seen = new Set<string>();
  return [...all]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((m) => {
      const at = `${m.start}:${m.end}`;
      if (seen.has(at)) return false;
      seen.add(at);
      return true;
    });
}

/** Every reason any of them was found for; the model's surest confidence, its doubt only where it doubted all. */
function mergeFoundBy(all: readonly (FoundBy | undefined)[]): FoundBy | undefined {
  const rules = all.flatMap((f) => (f?.rules ? [f.rules] : []));
  const models = all.flatMap((f) => (f?.model ? [f.model] : []));
  if (!rules.length && !models.length) return undefined;
  const out: FoundBy = {};
  if (rules.length) {
    const merged: NonNullable<FoundBy['rules']> = {};
    for (const r of rules) {
      if (r.listed) merged.listed = true;
      if (r.scheme !== undefined) merged.scheme ??= r.scheme;
      if (r.cue !== undefined) merged.cue ??= r.cue;
      if (r.introduced) merged.introduced = true;
      if (r.row) merged.row = true;
      if (r.family) merged.family = true;
      if (r.lowerCase !== undefined) merged.lowerCase ??= r.lowerCase;
    }
    out.rules = merged;
  }
  if (models.length) {
    out.model = {
      confidence: Math.max(...models.map((m) => m.confidence)),
      agreesWithRules: models.some((m) => m.agreesWithRules),
      ...(models.every((m) => m.doubts) && { doubts: true }),
    };
  }
  return out;
}
