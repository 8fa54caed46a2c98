/**
 * The technique tagger's mentions joined with the rules' entities, as the model file says (`mode`, chosen
 * by cross-validation):
 * - `rules`: the rules' techniques alone (the tagger is not used);
 * - `tagger`: the tagger decides every technique mention, the rules' among its features;
 * - `union`: the rules' entities, plus the tagger's mentions where the rules found nothing;
 * - `tagger-first`: the tagger's mentions, plus the rules' technique mentions it overlaps nowhere.
 * A tagger mention over a rules' technique mention is that technique (its ATT&CK id and name), with the
 * tagger's boundaries; any other is a technique named as the text writes it. Each says it was found by the
 * learned model, with its confidence. Overlaps with other kinds are settled afterwards (longer wins).
 */
import { formKey } from '../../dictionary';
import type { Entity, Mention } from '../../types';
import type { TechniqueSpan } from './technique-tagger';

export type TechniqueCombine = 'rules' | 'tagger' | 'union' | 'tagger-first';
export const TECHNIQUE_COMBINES: readonly TechniqueCombine[] = ['rules', 'tagger', 'union', 'tagger-first'];

/** The first mention in `sorted` (by start; none overlapping) that overlaps `span`, or -1. */
function overlapping(sorted: readonly Mention[], span: { start: number; end: number }): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < span.end ? lo : -1;
}

export function combineTechniques(
  text: string,
  ruleEntities: readonly Entity[],
  spans: readonly TechniqueSpan[],
  mode: TechniqueCombine,
): Entity[] {
  if (mode === 'rules') return [...ruleEntities];
  const ruleTechniques = ruleEntities.filter((e) => e.kind === 'technique');
  const techniqueMentions = ruleTechniques.flatMap((e) => e.mentions.map((m) => ({ ...m, entity: e }))).sort((a, b) => a.start - b.start);
  const allMentions = ruleEntities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const used = mode === 'union' ? spans.filter((s) => overlapping(allMentions, s) < 0) : spans;
  const built = new Map<string, Entity>();
  const tagged: Mention[] = [];
  for (const span of used) {
    const surface = text.slice(span.start, span.end);
    const mention: Mention = { start: span.start, end: span.end, text: surface };
    tagged.push(mention);
    const at = overlapping(techniqueMentions, span);
    const rule = at >= 0 ? techniqueMentions[at] : undefined;
    const key = rule ? `rule:${ruleTechniques.indexOf(rule.entity)}` : `text:${formKey(surface)}`;
    let entity = built.get(key);
    if (!entity) {
      const base: Entity = rule
        ? { ...rule.entity, mentions: [] }
        : { kind: 'technique', name: surface, canonical: surface, aliases: [], mentions: [] };
      const agrees = rule !== undefined && rule.start === span.start && rule.end === span.end;
      entity = { ...base, foundBy: { ...(rule?.entity.foundBy ?? {}), model: { confidence: span.confidence, agreesWithRules: agrees } } };
      built.set(key, entity);
    } else if (entity.foundBy?.model) entity.foundBy.model.confidence = Math.max(entity.foundBy.model.confidence, span.confidence);
    entity.mentions.push(mention);
  }
  const others = ruleEntities.filter((e) => e.kind !== 'technique');
  if (mode === 'tagger') return [...others, ...built.values()];
  if (mode === 'union') return [...ruleEntities, ...built.values()];
  // tagger-first: the rules' technique mentions the tagger overlaps nowhere stay.
  tagged.sort((a, b) => a.start - b.start);
  const kept = ruleTechniques
    .map((e) => ({ ...e, mentions: e.mentions.filter((m) => overlapping(tagged, m) < 0) }))
    .filter((e) => e.mentions.length > 0);
  return [...others, ...kept, ...built.values()];
}
