/**
 * A researcher's threat-actor work, kept with the page: confirmed and rejected entities, the actors
 * the user named or gave extra names, and which saved pages mention an actor.
 */
import { actorKey, entityKey } from '../entities/entity-key';
import { formKey } from '../entities/dictionary';
import type { EntityKind } from '../entities/types';
import type { GlossDatabase } from './database';
import { keepActor, keepEntityTag, keepPage } from './keep-records';
import { touchPage, type PageDetails } from './page-store';
import { entityTagId } from './entity-record-schemas';
import { MAX_ALIASES, MAX_NAME } from './record-schemas';
import { fail } from './schema-fields';
import type { EntityTagRecord, EntityTagStatus, PageRecord, UserActorRecord } from './records';

export { entityTagId };

export interface EntityToTag {
  kind: EntityKind;
  name: string;
  canonical: string;
}

function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

/** Confirms or rejects an entity on a page (replacing an earlier verdict) and keeps the page. */
export async function tagEntity(
  db: GlossDatabase,
  pageUrl: string,
  entity: EntityToTag,
  status: EntityTagStatus,
  page: PageDetails | null,
  now = Date.now(),
): Promise<EntityTagRecord> {
  // Keyed as the rest of Gloss keys the entity (untagging, the popup's verdicts); a key too long to
  // keep is refused by the schema.
  const canonical = cleanName(entity.canonical);
  const key = entityKey(entity);
  const id = entityTagId(pageUrl, key);
  return db.transaction('rw', db.pages, db.entityTags, async () => {
    const existing = await db.entityTags.get(id);
    const record = keepEntityTag({
      id,
      pageUrl,
      entityKey: key,
      kind: entity.kind,
      name: cleanName(entity.name),
      canonical,
      status,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    await db.entityTags.put(record);
    const saved = await touchPage(db, pageUrl, page, now);
    if (entity.kind === 'threat-actor') {
      const actors = new Set(saved.actors ?? []);
      if (status === 'confirmed') actors.add(actorKey(entity.canonical));
      else actors.delete(actorKey(entity.canonical));
      await db.pages.put(keepPage({ ...saved, actors: [...actors] }));
    }
    return record;
  });
}

/**
 * Moves verdicts kept under a name the scanner now resolves elsewhere to the entity it resolves to
 * (`lib/entities/moved-verdicts.ts`), keeping when each was first given; a confirmed actor's page lists
 * the new actor instead of the old. A verdict that changed meanwhile is left where it is.
 */
export async function moveEntityTags(
  db: GlossDatabase,
  pageUrl: string,
  moves: readonly { from: string; to: EntityToTag; status: EntityTagStatus }[],
  now = Date.now(),
): Promise<void> {
  if (moves.length === 0) return;
  await db.transaction('rw', db.pages, db.entityTags, async () => {
    for (const { from, to, status } of moves) {
      const old = await db.entityTags.get(entityTagId(pageUrl, from));
      if (!old || old.status !== status) continue;
      const key = entityKey(to);
      await db.entityTags.delete(old.id);
      await db.entityTags.put(
        keepEntityTag({
          ...old,
          id: entityTagId(pageUrl, key),
          entityKey: key,
          kind: to.kind,
          name: cleanName(to.name),
          canonical: cleanName(to.canonical),
          updatedAt: now,
        }),
      );
      // The page keeps its place in the library (no new updatedAt); its actors name the new one.
      const page = await db.pages.get(pageUrl);
      if (page && to.kind === 'threat-actor' && status === 'confirmed') {
        const actors = new Set((page.actors ?? []).filter((a) => a !== actorKey(old.canonical)));
        actors.add(actorKey(to.canonical));
        await db.pages.put(keepPage({ ...page, actors: [...actors] }));
      }
    }
  });
}

/** Withdraws a verdict (undo); returns the removed record. */
export async function untagEntity(db: GlossDatabase, pageUrl: string, key: string): Promise<EntityTagRecord | null> {
  return db.transaction('rw', db.entityTags, async () => {
    const id = entityTagId(pageUrl, key);
    const existing = await db.entityTags.get(id);
    if (existing) await db.entityTags.delete(id);
    return existing ?? null;
  });
}

export async function entityTagsForPage(db: GlossDatabase, pageUrl: string): Promise<EntityTagRecord[]> {
  return db.entityTags.where('pageUrl').equals(pageUrl).toArray();
}

export interface ActorToSave {
  canonical: string;
  aliases: readonly string[];
  /** The name is a shipped actor's canonical name: the aliases add to it. */
  extendsBuiltin: boolean;
}

/** Adds a user actor, or merges new aliases into the one already saved under the same name. */
export async function saveUserActor(db: GlossDatabase, actor: ActorToSave, now = Date.now()): Promise<UserActorRecord> {
  const canonical = cleanName(actor.canonical);
  if (!canonical) fail('An actor needs a name.');
  const id = actorKey(canonical);
  return db.transaction('rw', db.actors, async () => {
    const existing = await db.actors.get(id);
    const aliases: string[] = [];
    const seen = new Set([id]);
    for (const raw of [...(existing?.aliases ?? []), ...actor.aliases]) {
      const alias = cleanName(raw);
      if (!alias || seen.has(formKey(alias)) || aliases.length >= MAX_ALIASES) continue;
      seen.add(formKey(alias));
      aliases.push(alias);
    }
    const record = keepActor({
      id,
      canonical: existing?.canonical ?? canonical,
      aliases,
      extendsBuiltin: existing?.extendsBuiltin ?? actor.extendsBuiltin,
      nameKeys: [...seen],
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    await db.actors.put(record);
    return record;
  });
}

export async function userActors(db: GlossDatabase): Promise<UserActorRecord[]> {
  return db.actors.toArray();
}

/** Saved pages that mention the actor (found there, or confirmed by the user), newest first. */
export async function pagesMentioningActor(db: GlossDatabase, key: string): Promise<PageRecord[]> {
  return db.transaction('r', db.pages, db.entityTags, async () => {
    const found = await db.pages.where('actors').equals(key).toArray();
    const confirmed = await db.entityTags.where('entityKey').equals(`threat-actor:${key}`).toArray();
    const urls = new Set(found.map((page) => page.url));
    const rejected = new Set(confirmed.filter((t) => t.status === 'rejected').map((t) => t.pageUrl));
    for (const tag of confirmed) {
      if (tag.status !== 'confirmed' || urls.has(tag.pageUrl)) continue;
      const page = await db.pages.get(tag.pageUrl);
      if (page) {
        found.push(page);
        urls.add(page.url);
      }
    }
    return found.filter((page) => !rejected.has(page.url)).sort((a, b) => b.updatedAt - a.updatedAt);
  });
}
