/**
 * One public body under the names a text gives it: "New Zealand’s Department of Conservation", "the New
 * Zealand Department of Conservation" and, later, "the Department of Conservation" are one organisation.
 * A body's name without its country ("Department of Conservation") joins the one longer name in the text
 * that ends with it; where two do ("U.S. Department of Justice", "Philippine Department of Justice"), it
 * could mean either and stays on its own. Mentions keep their own spans.
 */
import type { Entity } from './types';

/** A possessive inside a name ("New Zealand’s Department…") names the same body as the plain form. */
function nameKey(name: string): string {
  return name.toLowerCase().replaceAll('’s ', ' ').replaceAll("'s ", ' ');
}

/** Only a body named by its head and what it is of ("Department of Conservation", "Ministry of Defence"). */
const isBodyName = (key: string) => key.includes(' of ');

export function joinShortForms(entities: readonly Entity[]): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const entity of entities) {
    const key = nameKey(entity.canonical);
    const same = byKey.get(key);
    if (!same) byKey.set(key, { ...entity, aliases: [...entity.aliases], mentions: [...entity.mentions] });
    else absorb(same, entity);
  }
  const keys = [...byKey.keys()];
  for (const key of keys) {
    if (!isBodyName(key)) continue;
    const longer = keys.filter((other) => other !== key && byKey.has(other) && other.endsWith(` ${key}`));
    if (longer.length !== 1) continue;
    absorb(byKey.get(longer[0])!, byKey.get(key)!);
    byKey.delete(key);
  }
  return [...byKey.values()];
}

const hasPossessive = (name: string) => name.includes('’s ') || name.includes("'s ");

/**
 * `into` takes `from`'s mentions, in text order, and its names as other names. The plain form of a name
 * is shown rather than a possessive one ("New Zealand Department of Conservation", not "New Zealand’s…").
 */
function absorb(into: Entity, from: Entity): void {
  const names = [into.canonical, ...into.aliases, from.canonical, ...from.aliases];
  if (hasPossessive(into.canonical) && !hasPossessive(from.canonical) && nameKey(into.canonical) === nameKey(from.canonical)) {
    into.canonical = from.canonical;
    into.name = from.name;
  }
  into.aliases = [...new Set(names)].filter((name) => name !== into.canonical);
  into.mentions = [...into.mentions, ...from.mentions].sort((a, b) => a.start - b.start);
}
