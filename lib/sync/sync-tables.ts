/**
 * The tables that sync, with each one's key and the schema a record from another device must meet
 * before it is written here (the record schemas every store and the importer use). Paused sites and
 * settings stay with each device: a site paused at work need not be paused at home.
 */
import type * as v from 'valibot';
import { ALIAS_PICK, ENTITY_TAG, USER_ACTOR } from '../storage/entity-record-schemas';
import { ANNOTATION, PAGE, TAG } from '../storage/record-schemas';

export interface SyncTable {
  name: 'pages' | 'annotations' | 'tags' | 'entityTags' | 'actors' | 'aliasPicks';
  key: string;
  schema: v.GenericSchema<unknown, unknown>;
  /** How the record is named in a message about it. */
  label: string;
}

export const SYNC_TABLES: readonly SyncTable[] = [
  { name: 'pages', key: 'url', schema: PAGE, label: 'A page' },
  { name: 'annotations', key: 'id', schema: ANNOTATION, label: 'A highlight' },
  { name: 'tags', key: 'key', schema: TAG, label: 'A tag' },
  { name: 'entityTags', key: 'id', schema: ENTITY_TAG, label: 'An entity verdict' },
  { name: 'actors', key: 'id', schema: USER_ACTOR, label: 'A threat actor' },
  { name: 'aliasPicks', key: 'id', schema: ALIAS_PICK, label: 'An alias pick' },
];

export const syncTable = (name: string): SyncTable | undefined => SYNC_TABLES.find((table) => table.name === name);
