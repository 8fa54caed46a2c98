/**
 * The technique tagger's mentions joined with the rules' entities, as the model file says (`mode`, chosen
 * by cross-validation):
 * - `rules`: the rules' techniques alone (the tagger is not used);
 * - `tagger`: the tagger decides every technique mention, the rules' among its features;
 * - `union`: the rules' entities, plus the tagger's mentions where the rules found nothing;
 * - `tagger-first`: the tagger's mentions, plus the rules' technique mentions it overlaps nowhere;
 * - `free-lines`: the rules keep their technique mentions on table lines (a table bar or an ATT&CK id on
 *   the line: rows, linked ids, "T1105: Ingress Tool Transfer"), whose conventions differ from report to
 *   report and which the tagger learns no better; on every other line the tagger decides.
 * A tagger mention over a rules' technique mention is that technique (its ATT&CK id and name), with the
 * tagger's boundaries; any other is a technique named as the text writes it. Each says it was found by the
 * learned model, with its confidence. Overlaps with other kinds are settled afterwards (longer wins).
 */
import { formKey } from '../../dictionary';
import type { Entity, Mention } from '../../types';
import type { TaggedText } from './technique-tagger';
import { firstOverlapping } from '../first-overlapping';

export type TechniqueCombine = 'rules' | 'tagger' | 'union' | 'tagger-first' | 'free-lines';

export function combineTechniques(text: string, ruleEntities: readonly Entity[], tagged: TaggedText, mode: TechniqueCombine): Entity[] {
  if (mode === 'rules') return [...ruleEntities];
  const ruleTechniques = ruleEntities.filter((e) => e.kind === 'technique');
  const techniqueMentions = ruleTechniques
    .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
    .sort((a, b) => a.start - b.start);
  const allMentions = ruleEntities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const used = mode === 'union' ? tagged.spans.filter((s) => firstOverlapping(allMentions, s) < 0) : tagged.spans;
  const built = new Map<Entity, Entity>();
  const byText = new Map<string, Entity>();
  const taggedMentions: Mention[] = [];
  for (const span of used) {
    const surface = text.slice(span.start, span.end);
    const mention: Mention = { start: span.start, end: span.end, text: surface };
    taggedMentions.push(mention);
    const at = firstOverlapping(techniqueMentions, span);
    const rule = at >= 0 ? techniqueMentions[at] : undefined;
    let entity = rule ? built.get(rule.entity) : byText.get(formKey(surface));
    if (!entity) {
      const base: Entity = rule ? rule.entity : { kind: 'technique', name: surface, canonical: surface, aliases: [], mentions: [] };
      const agrees = rule !== undefined && rule.start === span.start && rule.end === span.end;
      entity = {
        ...base,
        mentions: [],
        foundBy: { ...(rule?.entity.foundBy ?? {}), model: { confidence: span.confidence, agreesWithRules: agrees } },
      };
      if (rule) built.set(rule.entity, entity);
      else byText.set(formKey(surface), entity);
    } else if (entity.foundBy?.model) entity.foundBy.model.confidence = Math.max(entity.foundBy.model.confidence, span.confidence);
    entity.mentions.push(mention);
  }
  // A technique is named as the text first writes it: where the tagger's mentions no longer hold the rules'
  // name ("DDoS" without "distributed denial-of-service"), by the first of them.
  for (const entity of built.values()) {
    const name = entity.name.toLowerCase();
    if (!entity.mentions.some((m) => m.text.toLowerCase().includes(name))) entity.name = entity.mentions[0].text;
  }
  const found = [...built.values(), ...byText.values()];
  const others = ruleEntities.filter((e) => e.kind !== 'technique');
  if (mode === 'tagger') return [...others, ...found];
  if (mode === 'union') return [...ruleEntities, ...found];
  // The rules' technique mentions that stay: on table lines (`free-lines`), or where the tagger found
  // nothing (`tagger-first`); with the tagger's mentions of the same technique, when it has any.
  const stays =
    mode === 'free-lines'
      ? (m: Mention) => firstOverlapping(tagged.tableLines, m) >= 0
      : (m: Mention) => firstOverlapping(taggedMentions, m) < 0;
  const kept: Entity[] = [];
  for (const entity of ruleTechniques) {
    const mentions = entity.mentions.filter(stays);
    if (!mentions.length) continue;
    const joined = built.get(entity);
    if (joined) joined.mentions.push(...mentions);
    else kept.push({ ...entity, mentions });
  }
  for (const entity of built.values()) entity.mentions.sort((a, b) => a.start - b.start);
  return [...others, ...kept, ...found];
}
