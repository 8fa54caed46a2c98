/**
 * Reads the `gloss:` sections of a backup (pages, tags, entity verdicts, user actors) into database
 * records with the schemas the stores write by (lib/storage/record-schemas.ts): what the store can
 * write, a backup gives back. Only the known fields are copied into fresh objects, so stray or hostile
 * keys never reach the database.
 */
import { ALIAS_PICK, ENTITY_TAG, USER_ACTOR } from '../storage/entity-record-schemas';
import { PAGE, TAG } from '../storage/record-schemas';
import type { AliasPickRecord, EntityTagRecord, PageRecord, TagRecord, UserActorRecord } from '../storage/records';
import { parseRecord } from '../storage/schema-fields';

export const parsePage = (value: unknown, place: string): PageRecord => parseRecord(PAGE, value, place);

/** A tag must already be in the form cleanTags gives it, and filed under its own key. */
export const parseTag = (value: unknown, place: string): TagRecord => parseRecord(TAG, value, place);

export const parseEntityTag = (value: unknown, place: string): EntityTagRecord => parseRecord(ENTITY_TAG, value, place);

export const parseActor = (value: unknown, place: string): UserActorRecord => parseRecord(USER_ACTOR, value, place);

export const parseAliasPick = (value: unknown, place: string): AliasPickRecord => parseRecord(ALIAS_PICK, value, place);
