import { actorNameIndex, type ActorNameIndex } from '@/lib/entities/alias-candidates';
import type { ThreatActorRecord } from '@/lib/entities/dictionary';
import { createEntityScanner, type EntityData, type EntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { withUserActors } from '@/lib/entities/user-actors';
import { userActors } from '@/lib/storage/entity-tag-store';
import { glossDatabase } from './database';

export interface EntityScannerState {
  scanner: EntityScanner;
  data: EntityData;
  /** The shipped actors with the user's own merged in. */
  actors: ThreatActorRecord[];
  userActorKeys: Set<string>;
  /** Every actor a name may mean, with where each goes by it (for ambiguous names and their picks). */
  names: ActorNameIndex;
}

let state: Promise<EntityScannerState> | null = null;
let ready: EntityScannerState | null = null;

async function build(): Promise<EntityScannerState> {
  const shipped = loadEntityData();
  const own = await userActors(glossDatabase());
  const actors = withUserActors(shipped.actors, own);
  const data = { ...shipped, actors };
  return {
    scanner: createEntityScanner(data), data, actors, userActorKeys: new Set(own.map((actor) => actor.id)), names: actorNameIndex(actors, own),
  };
}

/**
 * The scanner with every dictionary, built once (tens of milliseconds) and kept while the background
 * lives. A failed build is not cached, so the next request tries again.
 */
export function entityScanner(): Promise<EntityScannerState> {
  if (!state) {
    const building = build();
    state = building;
    building.then(
      (built) => { if (state === building) ready = built; },
      () => { if (state === building) state = null; },
    );
  }
  return state;
}

/** The scanner if it is already built, without waiting. */
export function entityScannerIfReady(): EntityScannerState | null {
  return ready;
}

/** The user's actors changed: the next scan uses a fresh dictionary. */
export function invalidateEntityScanner(): void {
  state = null;
  ready = null;
}
