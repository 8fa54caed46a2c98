/** Looking actors up by any of their names: to link a name to a known actor, and to find pages by actor. */
import { formKey, type ThreatActorRecord } from './dictionary';

export interface ActorSuggestion {
  canonical: string;
  aliases: string[];
}

/** Canonical names of every actor that goes by `name` (case-insensitive); usually one. */
export function resolveActorName(records: readonly ThreatActorRecord[], name: string): string[] {
  const key = formKey(name);
  if (!key) return [];
  return records
    .filter((record) => formKey(record.name) === key || record.aliases.some((alias) => formKey(alias) === key))
    .map((record) => record.name);
}

/** Actors whose name or an alias starts with the query, then those containing it; at most `limit`. */
export function suggestActors(records: readonly ThreatActorRecord[], query: string, limit = 8): ActorSuggestion[] {
  const key = formKey(query);
  if (!key) return [];
  const ranked: { record: ThreatActorRecord; rank: number }[] = [];
  for (const record of records) {
    const names = [record.name, ...record.aliases].map(formKey);
    const rank = names[0].startsWith(key) ? 0 : names.some((n) => n.startsWith(key)) ? 1 : names.some((n) => n.includes(key)) ? 2 : -1;
    if (rank >= 0) ranked.push({ record, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.record.name.localeCompare(b.record.name))
    .slice(0, limit)
    .map(({ record }) => ({ canonical: record.name, aliases: record.aliases.slice(0, 6) }));
}
