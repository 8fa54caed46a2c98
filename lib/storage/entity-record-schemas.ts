/**
 * The schemas of the entity records Gloss keeps: the researcher's verdicts, their own actors and their
 * alias picks. Same fields and messages as the other records (record-schemas.ts), and used the same way:
 * the stores check what they write with them, and the backup importer and sync parse with them.
 */
import * as v from 'valibot';
import { ENTITY_KINDS, type EntityKind } from '../entities/types';
import { formKey } from '../entities/dictionary';
import type { AliasPickRecord, EntityTagRecord, EntityTagStatus, UserActorRecord } from './records';
import { MAX_ALIASES, MAX_KEY, MAX_NAME, MAX_URL_LENGTH, pageUrl } from './record-schemas';
import { flag, record, text, textList, timestamp } from './schema-fields';

/** A verdict's id: its page and entity key (a newline appears in neither a normalised URL nor a key). */
export function entityTagId(pageUrl: string, key: string): string {
  return `${pageUrl}\n${key}`;
}

/** An alias pick's id: its page (or "*" for every page, which no page address is) and the name's key. */
export function aliasPickId(pageUrl: string | null, nameKey: string): string {
  return `${pageUrl ?? '*'}\n${nameKey}`;
}

const STATUSES: readonly EntityTagStatus[] = ['confirmed', 'rejected'];

export const ENTITY_TAG = v.pipe(
  record(
    {
      id: text(': id', { max: MAX_URL_LENGTH + 1 + MAX_KEY, absent: ' has no id.' }),
      pageUrl: pageUrl(': pageUrl'),
      entityKey: text(': entityKey', { max: MAX_KEY, nonEmpty: true, absent: ' has no entityKey.' }),
      kind: v.pipe(
        text(': kind', { max: 40, absent: ' has no kind.' }),
        v.check(
          (kind: string) => (ENTITY_KINDS as readonly string[]).includes(kind),
          (issue) => `: "${String(issue.input)}" is not a kind of entity Gloss knows.`,
        ),
      ),
      name: text(': name', { max: MAX_NAME, absent: ' has no name.' }),
      canonical: text(': canonical', { max: MAX_NAME, nonEmpty: true, absent: ' has no canonical.' }),
      status: v.picklist(STATUSES, ': status must be "confirmed" or "rejected".'),
      createdAt: timestamp(': createdAt'),
      updatedAt: timestamp(': updatedAt'),
    },
    ' is not an object.',
  ),
  v.check((tag) => tag.entityKey.startsWith(`${tag.kind}:`), ': entityKey does not match its kind.'),
  v.check((tag) => tag.id === entityTagId(tag.pageUrl, tag.entityKey), ': id does not match its page and entity.'),
  v.transform((tag): EntityTagRecord => ({ ...tag, kind: tag.kind as EntityKind })),
) satisfies v.GenericSchema<unknown, EntityTagRecord>;

export const USER_ACTOR = v.pipe(
  record(
    {
      id: text(': id', { max: MAX_KEY, nonEmpty: true, absent: ' has no id.' }),
      canonical: text(': canonical', { max: MAX_NAME, nonEmpty: true, absent: ' has no canonical.' }),
      aliases: textList(': aliases', { entries: MAX_ALIASES, max: MAX_NAME }),
      extendsBuiltin: flag(': extendsBuiltin'),
      // The actor is looked up by its names, its own key among them.
      nameKeys: textList(': nameKeys', { entries: MAX_ALIASES + 1, max: MAX_KEY }),
      createdAt: timestamp(': createdAt'),
      updatedAt: timestamp(': updatedAt'),
    },
    ' is not an object.',
  ),
  v.check((actor) => actor.nameKeys.includes(actor.id), ": nameKeys must include the actor's id."),
) satisfies v.GenericSchema<unknown, UserActorRecord>;

export const ALIAS_PICK = v.pipe(
  record(
    {
      id: text(': id', { max: MAX_URL_LENGTH + 1 + MAX_KEY, absent: ' has no id.' }),
      scope: v.picklist(['page', 'everywhere'] as const, ': scope must be "page" or "everywhere".'),
      pageUrl: v.optional(pageUrl(': pageUrl')),
      name: text(': name', { max: MAX_NAME, nonEmpty: true, absent: ' has no name.' }),
      nameKey: text(': nameKey', { max: MAX_KEY, nonEmpty: true, absent: ' has no nameKey.' }),
      actor: text(': actor', { max: MAX_NAME, nonEmpty: true, absent: ' has no actor.' }),
      createdAt: timestamp(': createdAt'),
      updatedAt: timestamp(': updatedAt'),
    },
    ' is not an object.',
  ),
  v.check(
    (pick) => (pick.scope === 'page') === (pick.pageUrl !== undefined),
    ': pageUrl must be given for a pick on a page, and only then.',
  ),
  v.check((pick) => pick.nameKey === formKey(pick.name), ': nameKey does not match the name.'),
  v.check((pick) => pick.id === aliasPickId(pick.pageUrl ?? null, pick.nameKey), ': id does not match its page and name.'),
  // Optional fields only when the record has them, so a round trip gives the same record.
  v.transform(({ pageUrl: url, ...rest }): AliasPickRecord => (url === undefined ? rest : { ...rest, pageUrl: url })),
) satisfies v.GenericSchema<unknown, AliasPickRecord>;
