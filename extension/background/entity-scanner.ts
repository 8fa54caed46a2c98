import { browser } from 'wxt/browser';
import { ENTITY_INDEX_FILE } from '@/lib/entities/compiled/entity-index-file-name';
import { readEntityIndex, scannerFromIndex, type EntityIndex } from '@/lib/entities/compiled/load-entity-index';
import { actorNameIndex, type ActorNameIndex } from '@/lib/entities/alias-candidates';
import type { ThreatActorRecord } from '@/lib/entities/dictionary';
import type { EntityData, EntityScanner } from '@/lib/entities/scan-entities';
import { warmUpScanner } from '@/lib/entities/scanner-warm-up';
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
  /** Every actor a name may mean, with where each goes by it (for ambiguous names and their picks). */
  names: ActorNameIndex;
}

let state: Promise<EntityScannerState> | null = null;

let index: Promise<EntityIndex> | null = null;

/**
 * The scanner's dictionaries, automata and model weights, compiled by the extension's build
 * (`entity-index.bin`, wxt.config.ts): read in a few milliseconds where building them took a few hundred
 * in a fresh background. Kept while the background lives; the user's actors are merged in per build.
 */
function entityIndex(): Promise<EntityIndex> {
  if (!index) {
    const reading = (async () => {
      const response = await fetch(browser.runtime.getURL(`/${ENTITY_INDEX_FILE}` as '/'));
      if (!response.ok) throw new Error(`Gloss could not read its entity index (${response.status}).`);
      const read = readEntityIndex(await response.arrayBuffer());
      markMoment('entity-index-read');
      return read;
    })();
    index = reading;
    reading.catch(() => {
      if (index === reading) index = null;
    });
  }
  return index;
}

async function build(): Promise<EntityScannerState> {
  markMoment('scanner-start');
  const shipped = loadEntityData();
  const [compiled, own] = await Promise.all([entityIndex(), userActors(glossDatabase())]);
  markMoment('user-actors-read');
  const actors = withUserActors(shipped.actors, own);
  const scanner = scannerFromIndex(compiled, shipped, own);
  // A first scan compiles the finders' code and regular expressions. Done here, it runs while the page
  // reader reads the tab (or before any popup opens), instead of in the popup's wait for the article's entities.
  warmUpScanner(scanner);
  return {
    scanner,
    data: { ...shipped, actors },
    actors,
    userActorKeys: new Set(own.map((actor) => actor.id)),
    names: actorNameIndex(actors, own),
  };
}

/**
 * The scanner with every dictionary, made once from the compiled index and kept while the background
 * lives. A failed build is not cached, so the next request tries again.
 */
export function entityScanner(): Promise<EntityScannerState> {
  if (!state) {
    const building = build();
    state = building;
    building.catch(() => {
      if (state === building) state = null;
    });
  }
  return state;
}

/**
 * Starts making the scanner when the background starts, so a popup opened later finds it made: read at the
 * popup's first request instead, the index's reading, the scanner's making and its warm-up scan (tens of
 * milliseconds) held up the page reader's answer on the same thread. A task later, so the message that
 * woke the background is answered first. A failure here is not final: the next request tries again.
 */
export function prepareEntityScanner(): void {
  setTimeout(() => void entityScanner().catch(() => undefined), 0);
}

/** The user's actors changed: the next scan uses a fresh dictionary. */
export function invalidateEntityScanner(): void {
  state = null;
}
