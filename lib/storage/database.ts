import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { inOwnForm, isOwnAnnotationId } from './annotation-ids';
import { clampPage } from './keep-records';
import type {
  AliasPickRecord,
  AnnotationRecord,
  EntityTagRecord,
  PageRecord,
  PausedSiteRecord,
  SettingRecord,
  SyncReplicaRow,
  SyncStateRecord,
  TagRecord,
  UserActorRecord,
} from './records';

export const DATABASE_NAME = 'gloss';

/**
 * Gloss's one database. It lives in the background (service worker or event page), never in a
 * content script, where IndexedDB would belong to the web page's origin.
 *
 * Schema history; every change adds a version with an upgrade and a test that old data survives:
 * - 1: pages by normalised URL; annotations by id, indexed by page, tags and colour; tags by key.
 * - 2: pages indexed by the threat actors they mention (every existing page gets `actors: []`);
 *   entity tags (a researcher's confirm/reject per page); the user's own threat actors.
 * - 3: paused sites, by site key (lib/url/site.ts); a new, empty table, nothing else changes.
 * - 4: no new index; old records are made ones a backup import accepts again. A highlight whose id is
 *   not a UUID (an older Gloss kept other tools' IRIs, and ids of up to 1,000 characters, as ids, which
 *   messages cannot name) gets the id an import gives it now, keeping its IRI (annotation-ids.ts);
 *   pages' titles, site names, bylines, dates and actor lists are clamped to the record limits.
 * - 5: settings, by key (settings-store.ts); a new, empty table, nothing else changes.
 * - 6: sync (lib/sync): `syncRecords`, the replica of every synced record with its fields' stamps, by
 *   table and key; `syncState`, the device's sync account and bookkeeping, by key. New, empty tables;
 *   nothing else changes (the first sync then sends every record there is).
 * - 7: PDFs (lib/pdf): pages and highlights indexed by `documentKey` ("urn:x-pdf:<fingerprint>"), which
 *   only PDFs' records have; records before it have none and need no change.
 * - 8: alias picks (lib/storage/alias-pick-store.ts), by id, indexed by page and scope: the researcher's
 *   choice among the actors an ambiguous name may mean. A new, empty table; nothing else changes.
 */
export class GlossDatabase extends Dexie {
  pages!: EntityTable<PageRecord, 'url'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  tags!: EntityTable<TagRecord, 'key'>;
  entityTags!: EntityTable<EntityTagRecord, 'id'>;
  actors!: EntityTable<UserActorRecord, 'id'>;
  pausedSites!: EntityTable<PausedSiteRecord, 'site'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  syncRecords!: EntityTable<SyncReplicaRow, 'id'>;
  syncState!: EntityTable<SyncStateRecord, 'key'>;
  aliasPicks!: EntityTable<AliasPickRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      pages: 'url, updatedAt',
      annotations: 'id, pageUrl, *tags, color, updatedAt',
      tags: 'key',
    });
    this.version(2)
      .stores({
        pages: 'url, updatedAt, *actors',
        entityTags: 'id, pageUrl, entityKey, status',
        actors: 'id, *nameKeys',
      })
      .upgrade((tx) =>
        tx
          .table<PageRecord>('pages')
          .toCollection()
          .modify((page) => {
            page.actors ??= [];
          }),
      );
    this.version(3).stores({ pausedSites: 'site' });
    this.version(4).stores({}).upgrade(toKeepableRecords);
    this.version(5).stores({ settings: 'key' });
    this.version(6).stores({ syncRecords: 'id', syncState: 'key' });
    this.version(7).stores({
      pages: 'url, updatedAt, *actors, documentKey',
      annotations: 'id, pageUrl, *tags, color, updatedAt, documentKey',
    });
    this.version(8).stores({ aliasPicks: 'id, pageUrl, scope' });
  }
}

/** Version 4's upgrade (see above). */
async function toKeepableRecords(tx: Transaction): Promise<void> {
  const annotations = tx.table<AnnotationRecord, string>('annotations');
  const others = await annotations.filter((record) => !isOwnAnnotationId(record.id)).toArray();
  if (others.length > 0) {
    await annotations.bulkDelete(others.map((record) => record.id));
    await annotations.bulkPut(others.map(inOwnForm));
  }
  await tx
    .table<PageRecord, string>('pages')
    .toCollection()
    .modify((page, ref) => {
      ref.value = clampPage(page);
    });
}
