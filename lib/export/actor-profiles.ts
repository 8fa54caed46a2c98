/** Threat actors as exports name them, looked up by the keys pages store (actorKey of the canonical name). */
import { actorOtherNames } from '../entities/actor-other-names';
import type { ThreatActorRecord } from '../entities/dictionary';
import { actorKey } from '../entities/entity-key';
import type { ActorProfile } from './page-export';

const lookups = new WeakMap<readonly ThreatActorRecord[], Map<string, ThreatActorRecord>>();

function lookupFor(records: readonly ThreatActorRecord[]): Map<string, ThreatActorRecord> {
  let lookup = lookups.get(records);
  if (!lookup) {
    lookup = new Map();
    for (const record of records) if (!lookup.has(actorKey(record.name))) lookup.set(actorKey(record.name), record);
    lookups.set(records, lookup);
  }
  return lookup;
}

/**
 * Profiles for the given keys. A key no dictionary knows (an actor whose data changed since) keeps the
 * name it was stored under, from `fallbackNames`, or the key itself.
 */
export function actorProfiles(
  records: readonly ThreatActorRecord[],
  keys: Iterable<string>,
  fallbackNames: ReadonlyMap<string, string> = new Map(),
): ActorProfile[] {
  const lookup = lookupFor(records);
  const profiles: ActorProfile[] = [];
  for (const key of new Set(keys)) {
    const record = lookup.get(key);
    if (!record) {
      profiles.push({ key, canonical: fallbackNames.get(key) ?? key, aliases: [] });
      continue;
    }
    const profile: ActorProfile = { key, canonical: record.name, aliases: actorOtherNames(record) };
    if (record.mitre_id) profile.attackId = record.mitre_id;
    profiles.push(profile);
  }
  return profiles.sort((a, b) => a.canonical.localeCompare(b.canonical, 'en'));
}
