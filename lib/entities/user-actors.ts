/**
 * The user's own threat actors join the shipped dictionary: a new actor becomes one more record, and
 * extra names for a shipped actor become more aliases of it. The result feeds createEntityScanner.
 */
import { formKey, type ThreatActorRecord } from './dictionary';

export interface UserActor {
  canonical: string;
  aliases: readonly string[];
}

export function withUserActors(actors: readonly ThreatActorRecord[], user: readonly UserActor[]): ThreatActorRecord[] {
  if (user.length === 0) return [...actors];
  const merged = [...actors];
  const indexByName = new Map<string, number>();
  merged.forEach((record, i) => indexByName.set(formKey(record.name), i));
  for (const actor of user) {
    const at = indexByName.get(formKey(actor.canonical));
    if (at === undefined) {
      indexByName.set(formKey(actor.canonical), merged.length);
      merged.push({ name: actor.canonical, aliases: [...actor.aliases] });
    } else {
      // Extra names for a shipped actor (or a name a later dictionary also ships): keep both sets.
      merged[at] = { ...merged[at], aliases: [...merged[at].aliases, ...actor.aliases] };
    }
  }
  return merged;
}
