/**
 * The rules' entities and the model's spans made into one list. A model span takes its identity (canonical
 * name, aliases, ATT&CK id, candidates) from the rules' entity of the same kind that has a mention with
 * the same name in the text; else from the dictionaries (`resolve`); else it is a new name. Each entity
 * the model found or kept says so (`foundBy`), with the model's confidence.
 */
import { formKey } from '../dictionary';
import type { Entity, Mention } from '../types';
import type { CombineMode, ModelSpan } from './entity-model';
import { isModelKind, type ModelKind } from './tags';
import { keptWithoutCheck } from './checked-by-model';
import { firstOverlapping } from './first-overlapping';

/** What the dictionaries know of a name of a kind, for a span the rules did not resolve. */
export type Resolve = (kind: ModelKind, surface: string) => Omit<Entity, 'mentions' | 'name' | 'kind'> | undefined;

export function combineWithModel(
  text: string,
  ruleEntities: readonly Entity[],
  spans: readonly ModelSpan[],
  mode: CombineMode,
  resolve: Resolve,
): Entity[] {
  if (mode === 'rules') return [...ruleEntities];
  const byName = new Map<string, Entity>();
  const ruleMentionAt = new Map<string, Entity>();
  for (const entity of ruleEntities) {
    if (!isModelKind(entity.kind)) continue;
    for (const m of entity.mentions) {
      byName.set(`${entity.kind}:${formKey(m.text)}`, entity);
      ruleMentionAt.set(`${m.start}:${m.end}`, entity);
    }
  }
  const kept: Entity[] =
    mode === 'model'
      ? ruleEntities.filter((e) => !isModelKind(e.kind))
      : mode === 'checked'
        ? keptWithoutCheck(ruleEntities)
        : [...ruleEntities];
  const joined = mode === 'union' || mode === 'checked';
  const taken = joined ? kept.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start) : [];
  const built = new Map<string, Entity>();
  for (const span of spans) {
    if (joined && overlapsAny(taken, span)) continue;
    const surface = text.slice(span.start, span.end);
    const key = `${span.kind}:${formKey(surface)}`;
    const mention: Mention = { start: span.start, end: span.end, text: surface };
    const sameSpan = ruleMentionAt.get(`${span.start}:${span.end}`);
    const rule = byName.get(key) ?? (sameSpan?.kind === span.kind ? sameSpan : undefined);
    const groupKey = rule ? `rule:${ruleEntities.indexOf(rule)}` : key;
    let entity = built.get(groupKey);
    if (!entity) {
      const known = rule ? undefined : resolve(span.kind, surface);
      const base = rule ? { ...rule } : { kind: span.kind, name: surface, canonical: surface, aliases: [], ...known };
      entity = { ...base, kind: span.kind, mentions: [] };
      const byRules = rule !== undefined && rule.mentions.some((m) => m.start === span.start && m.end === span.end);
      entity.foundBy = {
        ...(rule?.foundBy ?? {}),
        model: { confidence: span.confidence, agreesWithRules: byRules, ...(span.doubted && { doubts: true }) },
      };
      built.set(groupKey, entity);
    } else if (entity.foundBy?.model) {
      const model = entity.foundBy.model;
      model.confidence = Math.max(model.confidence, span.confidence);
      // The model doubts the entity only where it doubts every mention it kept.
      if (!span.doubted) delete model.doubts;
    }
    entity.mentions.push(mention);
  }
  return [...kept, ...built.values()];
}

function overlapsAny(sorted: readonly Mention[], span: { start: number; end: number }): boolean {
  return firstOverlapping(sorted, span) >= 0;
}
