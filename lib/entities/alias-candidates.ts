/**
 * The actors a name may mean, with where each one's claim to the name comes from: "Charming Kitten" is
 * the MISP galaxy's own name for one actor and another name of Magic Hound (MITRE ATT&CK, MISP galaxy,
 * Microsoft). The data merges its sources per actor and keeps an alias shared by several actors in each
 * of them (data/THREAT-ACTORS-SOURCES.md, "Merge method"), so a candidate's lists are those of its
 * whole entry; the user's own names are told apart ("You").
 *
 * Names are compared as the dictionary compares them (formKey over textForms), in any case; candidates
 * come in the dictionary's order of preference: the actors whose own or Microsoft name it is first, then
 * those that list it as an alias, each in data order.
 */
import { actorOtherNames } from './actor-other-names';
import { formKey, textForms, type ThreatActorRecord } from './dictionary';
import { sourceIdsOf, sourceName } from './source-names';
import type { UserActor } from './user-actors';

/** How a candidate goes by the name. */
export type NameRelation = 'name' | 'microsoft' | 'alias';

export interface AliasCandidate {
  canonical: string;
  relation: NameRelation;
  /** The lists its entry comes from, in words: "MITRE ATT&CK", "MISP galaxy", "Microsoft naming map", "You". */
  lists: string[];
  /** Its other names (Microsoft's name and aliases, without `canonical`), as exports list them. */
  aliases: string[];
  attackId?: string;
}

export interface ActorNameIndex {
  /** Every actor `name` may mean, preferred first; empty for a name no list has. */
  candidates(name: string): AliasCandidate[];
}

interface Entry {
  record: ThreatActorRecord;
  aliases: string[];
  /** Keys of the names the user gave it (its own name too, for an actor the user created). */
  userKeys: Set<string>;
  shippedLists: string[];
}

const cache = new WeakMap<readonly ThreatActorRecord[], WeakMap<readonly UserActor[], ActorNameIndex>>();
const NO_USER_ACTORS: readonly UserActor[] = [];

function listsOf(record: ThreatActorRecord): string[] {
  return sourceIdsOf(record as ThreatActorRecord & { sources?: string[]; source?: string }).map(sourceName);
}

/**
 * The index over `records` (the shipped actors with the user's merged in: withUserActors), built once
 * per list, when first asked (10 to 30 ms for the 1,100 shipped actors). `userActors` are the user's own records,
 * to say which names came from the user.
 */
export function actorNameIndex(records: readonly ThreatActorRecord[], userActors: readonly UserActor[] = NO_USER_ACTORS): ActorNameIndex {
  let byUsers = cache.get(records);
  if (!byUsers) cache.set(records, (byUsers = new WeakMap()));
  const cached = byUsers.get(userActors);
  if (cached) return cached;

  // Built on the first question (tens of milliseconds on a slow machine), not with the scanner: most
  // pages name no ambiguous actor, and the popup's first entities should not wait for it.
  let built: ((name: string) => AliasCandidate[]) | null = null;
  const build = (): ((name: string) => AliasCandidate[]) => {
    const userNames = new Map<string, Set<string>>();
    for (const actor of userActors) {
      const keys = userNames.get(formKey(actor.canonical)) ?? new Set<string>();
      for (const name of [actor.canonical, ...actor.aliases]) keys.add(formKey(name));
      userNames.set(formKey(actor.canonical), keys);
    }
    const entries: Entry[] = records.map((record) => ({
      record,
      aliases: actorOtherNames(record),
      userKeys: userNames.get(formKey(record.name)) ?? new Set(),
      shippedLists: listsOf(record),
    }));
    // name key → [entry index, relation], the first relation per entry kept (its own name beats an alias).
    const byName = new Map<string, { at: number; relation: NameRelation }[]>();
    const add = (raw: string, at: number, relation: NameRelation) => {
      for (const form of textForms(raw)) {
        const key = formKey(form);
        const list = byName.get(key) ?? [];
        if (!list.some((c) => c.at === at)) list.push({ at, relation });
        byName.set(key, list);
      }
    };
    entries.forEach(({ record }, at) => {
      add(record.name, at, 'name');
      if (record.microsoft_name) add(record.microsoft_name, at, 'microsoft');
      for (const alias of record.aliases) add(alias, at, 'alias');
    });

    const candidate = (at: number, relation: NameRelation, key: string): AliasCandidate => {
      const { record, aliases, userKeys, shippedLists } = entries[at];
      // A name the user gave an actor is theirs; a shipped actor keeps its lists beside it.
      const lists = userKeys.has(key) ? [...shippedLists, 'You'] : shippedLists.length > 0 ? shippedLists : ['You'];
      return { canonical: record.name, relation, lists, aliases, ...(record.mitre_id && { attackId: record.mitre_id }) };
    };
    return (name: string): AliasCandidate[] => {
      const key = formKey(name);
      const found = byName.get(key) ?? [];
      const primary = found.filter((c) => c.relation !== 'alias');
      const other = found.filter((c) => c.relation === 'alias');
      return [...primary, ...other].map(({ at, relation }) => candidate(at, relation, key));
    };
  };
  const index: ActorNameIndex = { candidates: (name) => (built ??= build())(name) };
  byUsers.set(userActors, index);
  return index;
}

/** "its own name", "Microsoft's name for it", "another name for it". */
export function relationWords(relation: NameRelation): string {
  return relation === 'name' ? 'its own name' : relation === 'microsoft' ? 'Microsoft’s name for it' : 'another name for it';
}

/** "Magic Hound (another name for it; MITRE ATT&CK, MISP galaxy, Microsoft naming map)". */
export function describeCandidate(candidate: Pick<AliasCandidate, 'canonical' | 'relation' | 'lists'>): string {
  const lists = candidate.lists.length > 0 ? `; ${candidate.lists.join(', ')}` : '';
  return `${candidate.canonical} (${relationWords(candidate.relation)}${lists})`;
}
