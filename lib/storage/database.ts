import Dexie, { type EntityTable } from 'dexie';
import type { AnnotationRecord, PageRecord, TagRecord } from './records';

export const DATABASE_NAME = 'gloss';

/**
 * Gloss's one database. It lives in the background (service worker or event page), never in a
 * content script, where IndexedDB would belong to the web page's origin.
 *
 * Schema history; every change adds a version with an upgrade and a test that old data survives:
 * - 1: pages by normalised URL; annotations by id, indexed by page, tags and colour; tags by key.
 */
export class GlossDatabase extends Dexie {
  pages!: EntityTable<PageRecord, 'url'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  tags!: EntityTable<TagRecord, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      pages: 'url, updatedAt',
      annotations: 'id, pageUrl, *tags, color, updatedAt',
      tags: 'key',
    });
  }
}
