/**
 * The researcher's picks for names that may mean more than one actor ("Grizzly Steppe": APT28 or APT29),
 * applied to a page's scanned entities. A pick for this page beats one for every page, which beats
 * Gloss's own choice (the candidate the text names elsewhere, else the one the lists put first).
 *
 * The mentions written with a picked name move to the picked actor: to its entity when the text names it
 * otherwise too, else to a new one; an entity left without mentions goes. So the pick changes what the
 * popup lists and counts, which actors the page is filed under, and what the exports name. A pick for an
 * actor that is no longer among the name's candidates (the data changed) is not applied.
 *
 * Each threat actor keeps, in `ambiguous`, the names in its mentions that may mean several actors, with
 * every candidate and the pick in force, for its details and the picker.
 */
import type { ActorNameIndex, AliasCandidate } from './alias-candidates';
import { formKey } from './dictionary';
import type { Entity, Mention } from './types';

export type PickScope = 'page' | 'everywhere';

/** A pick as the resolution needs it: the name (any spelling), the actor's canonical name, and its reach. */
export interface AliasPick {
  name: string;
  actor: string;
  scope: PickScope;
}

/** A name in an entity's mentions that may mean several actors. */
export interface AmbiguousName {
  /** As the text first writes it. */
  name: string;
  /** Every actor it may mean, in the lists' order of preference. */
  candidates: AliasCandidate[];
  /** The pick in force for it, if any (the one on this page, else the one for every page). */
  pick: { actor: string; scope: PickScope } | null;
  /** The pick for every page, also when a pick for this page overrides it. */
  everywhere: string | null;
}

export type ResolvedEntity = Entity & { ambiguous?: AmbiguousName[] };

/** Picks by name key, the page's own winning over those for every page. */
function picksByName(picks: readonly AliasPick[]): { inForce: Map<string, AliasPick>; everywhere: Map<string, string> } {
  const inForce = new Map<string, AliasPick>();
  const everywhere = new Map<string, string>();
  for (const pick of picks) {
    const key = formKey(pick.name);
    if (pick.scope === 'everywhere') everywhere.set(key, pick.actor);
    const held = inForce.get(key);
    if (!held || (held.scope === 'everywhere' && pick.scope === 'page')) inForce.set(key, pick);
  }
  return { inForce, everywhere };
}

const byStart = (a: Mention, b: Mention) => a.start - b.start;

/** The entities with the picks applied, each threat actor carrying its ambiguous names. */
export function applyAliasPicks(found: readonly Entity[], picks: readonly AliasPick[], index: ActorNameIndex): ResolvedEntity[] {
  const { inForce, everywhere } = picksByName(picks);
  const candidatesOf = new Map<string, AliasCandidate[]>();
  const candidates = (key: string, text: string) => {
    let list = candidatesOf.get(key);
    if (!list) candidatesOf.set(key, (list = index.candidates(text)));
    return list;
  };
  const actorKey = (canonical: string) => formKey(canonical);

  // Only actors the scanner found ambiguous can hold an ambiguous name; a pick may apply to any actor.
  const looked = (entity: Entity) => entity.kind === 'threat-actor' && (inForce.size > 0 || (entity.candidates?.length ?? 0) > 1);
  if (!found.some(looked)) return [...found];
  const out: ResolvedEntity[] = found.map((entity) => (looked(entity) ? { ...entity, mentions: [...entity.mentions] } : entity));
  const actorsByKey = new Map<string, ResolvedEntity>();
  for (const entity of out)
    if (entity.kind === 'threat-actor' && !actorsByKey.has(actorKey(entity.canonical))) actorsByKey.set(actorKey(entity.canonical), entity);

  // Move the mentions of picked names to the picked actor.
  const moved = new Set<ResolvedEntity>();
  for (const entity of [...out]) {
    if (!looked(entity) || inForce.size === 0) continue;
    const keep: Mention[] = [];
    for (const mention of entity.mentions) {
      const key = formKey(mention.text);
      const pick = inForce.get(key);
      const choice = pick && candidates(key, mention.text).find((c) => actorKey(c.canonical) === actorKey(pick.actor));
      if (!choice || actorKey(choice.canonical) === actorKey(entity.canonical)) {
        keep.push(mention);
        continue;
      }
      let target = actorsByKey.get(actorKey(choice.canonical));
      if (!target) {
        target = {
          kind: 'threat-actor',
          name: mention.text,
          canonical: choice.canonical,
          aliases: choice.aliases,
          mentions: [],
          foundBy: { rules: { listed: true } },
          ...(choice.attackId && { attackId: choice.attackId }),
        };
        actorsByKey.set(actorKey(choice.canonical), target);
        out.push(target);
      }
      target.mentions.push(mention);
      moved.add(target);
    }
    if (keep.length !== entity.mentions.length) {
      entity.mentions = keep;
      moved.add(entity);
    }
  }

  const kept = out.filter((entity) => entity.mentions.length > 0 || !moved.has(entity));
  for (const entity of kept) {
    if (moved.has(entity)) {
      entity.mentions.sort(byStart);
      entity.name = entity.mentions[0].text;
    }
    if (!looked(entity) && !moved.has(entity)) continue;
    // The ambiguous names among its mentions, each once, in text order.
    const ambiguous: AmbiguousName[] = [];
    const seen = new Set<string>();
    for (const mention of entity.mentions) {
      const key = formKey(mention.text);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = candidates(key, mention.text);
      if (list.length < 2) continue;
      const pick = inForce.get(key);
      const applies = pick !== undefined && list.some((c) => actorKey(c.canonical) === actorKey(pick.actor));
      ambiguous.push({
        name: mention.text,
        candidates: list,
        pick: applies ? { actor: pick.actor, scope: pick.scope } : null,
        everywhere: everywhere.get(key) ?? null,
      });
    }
    if (ambiguous.length > 0) {
      entity.ambiguous = ambiguous;
      // The actors its names may mean, the one taken first (as the scanner gives `candidates`).
      const names = new Map<string, string>([[actorKey(entity.canonical), entity.canonical]]);
      for (const { candidates: list } of ambiguous)
        for (const c of list) if (!names.has(actorKey(c.canonical))) names.set(actorKey(c.canonical), c.canonical);
      entity.candidates = [...names.values()];
    } else if (moved.has(entity)) {
      delete entity.candidates;
    }
  }
  return moved.size === 0 ? kept : kept.sort((a, b) => (a.mentions[0]?.start ?? Infinity) - (b.mentions[0]?.start ?? Infinity));
}
