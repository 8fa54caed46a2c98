import Dexie, { type EntityTable } from 'dexie';
import type { AnnotationRecord, EntityTagRecord, PageRecord, PausedSiteRecord, TagRecord, UserActorRecord } from './records';

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
 */
export class GlossDatabase extends Dexie {
  pages!: EntityTable<PageRecord, 'url'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  tags!: EntityTable<TagRecord, 'key'>;
  entityTags!: EntityTable<EntityTagRecord, 'id'>;
  actors!: EntityTable<UserActorRecord, 'id'>;
  pausedSites!: EntityTable<PausedSiteRecord, 'site'>;

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
        tx.table<PageRecord>('pages').toCollection().modify((page) => {
          page.actors ??= [];
        }),
      );
    this.version(3).stores({ pausedSites: 'site' });
  }
}
