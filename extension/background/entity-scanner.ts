import type { ThreatActorRecord } from '@/lib/entities/dictionary';
import { createEntityScanner, type EntityData, type EntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { withUserActors } from '@/lib/entities/user-actors';
import { userActors } from '@/lib/storage/entity-tag-store';
import { glossDatabase } from './database';
import { markMoment } from './timeline';

export interface EntityScannerState {
  scanner: EntityScanner;
  data: EntityData;
  /** The shipped actors with the user's own merged in. */
  actors: ThreatActorRecord[];
  userActorKeys: Set<string>;
}

let state: Promise<EntityScannerState> | null = null;
let ready: EntityScannerState | null = null;

async function build(): Promise<EntityScannerState> {
  markMoment('scanner-start');
  const shipped = loadEntityData();
  const own = await userActors(glossDatabase());
  markMoment('user-actors-read');
  const actors = withUserActors(shipped.actors, own);
  const data = { ...shipped, actors };
  const scanner = createEntityScanner(data);
  markMoment('scanner-ready');
  return { scanner, data, actors, userActorKeys: new Set(own.map((actor) => actor.id)) };
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
