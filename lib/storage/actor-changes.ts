/**
 * What a backup would change about threat actors: new actors of the user's, and names added to actors
 * Gloss ships or the user has. These join the dictionary for every later page (a backup that adds "the
 * Board" to APT29 makes every page saying "the Board" report APT29), so the library lists them and
 * applies them only once the user agrees (importSnapshot's `actors` option).
 */
import { mergeActor } from './backup-merge';
import type { GlossDatabase } from './database';
import type { UserActorRecord } from './records';

export interface ActorChange {
  canonical: string;
  /** The backup adds the actor itself (one of the user's own, not a shipped one given more names). */
  newActor: boolean;
  /** The actor's names the backup adds. */
  aliases: string[];
}

/** The actor changes importing `incoming` would make, in the backup's order; none when it adds nothing. */
export async function actorChanges(db: GlossDatabase, incoming: readonly UserActorRecord[]): Promise<ActorChange[]> {
  if (incoming.length === 0) return [];
  const stored = await db.actors.bulkGet(incoming.map((actor) => actor.id));
  return incoming.flatMap((actor, i): ActorChange[] => {
    const local = stored[i];
    if (!local) {
      if (actor.extendsBuiltin && actor.aliases.length === 0) return [];
      return [{ canonical: actor.canonical, newActor: !actor.extendsBuiltin, aliases: [...actor.aliases] }];
    }
    const merged = mergeActor(local, actor);
    const added = merged.aliases.slice(local.aliases.length);
    return added.length > 0 ? [{ canonical: local.canonical, newActor: false, aliases: added }] : [];
  });
}

const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ');

/** The changes in a sentence for people: "adds 2 actors and 3 aliases: Gold Harvest (new; also “GH-1”); …". */
export function describeActorChanges(changes: readonly ActorChange[]): string {
  const actors = changes.filter((change) => change.newActor).length;
  const aliases = changes.reduce((sum, change) => sum + change.aliases.length, 0);
  const parts = [
    ...(actors > 0 ? [`${actors.toLocaleString('en-US')} ${actors === 1 ? 'actor' : 'actors'}`] : []),
    ...(aliases > 0 ? [`${aliases.toLocaleString('en-US')} ${aliases === 1 ? 'alias' : 'aliases'}`] : []),
  ];
  const each = changes.map((change) => {
    if (change.newActor)
      return change.aliases.length > 0 ? `${change.canonical} (new; also ${quoted(change.aliases)})` : `${change.canonical} (new)`;
    return `${quoted(change.aliases)} for ${change.canonical}`;
  });
  return `adds ${parts.join(' and ')}: ${each.join('; ')}.`;
}
