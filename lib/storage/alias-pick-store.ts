/**
 * The researcher's picks among the actors an ambiguous name may mean (lib/entities/alias-picks.ts), kept
 * per page or for every page. Picking again replaces the pick of the same reach; clearing removes it.
 */
import type { AliasPick, PickScope } from '../entities/alias-picks';
import { formKey } from '../entities/dictionary';
import type { GlossDatabase } from './database';
import { keepAliasPick } from './keep-records';
import { touchPage, type PageDetails } from './page-store';
import { aliasPickId } from './entity-record-schemas';
import { MAX_NAME } from './record-schemas';
import type { AliasPickRecord } from './records';

export { aliasPickId };

const cleanName = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);

export interface PickToSave {
  /** The ambiguous name as the page writes it. */
  name: string;
  /** The canonical name of the actor picked. */
  actor: string;
  scope: PickScope;
}

/**
 * Keeps a pick made on `pageUrl` (for that page, or for every page) and keeps the page, as a verdict
 * does: the pick is something the researcher kept from it, and its exports name the picked actor.
 */
export async function savePick(
  db: GlossDatabase,
  pageUrl: string,
  pick: PickToSave,
  page: PageDetails | null,
  now = Date.now(),
): Promise<AliasPickRecord> {
  const name = cleanName(pick.name);
  const nameKey = formKey(name);
  const id = aliasPickId(pick.scope === 'page' ? pageUrl : null, nameKey);
  return db.transaction('rw', db.pages, db.aliasPicks, async () => {
    const existing = await db.aliasPicks.get(id);
    const record = keepAliasPick({
      id,
      scope: pick.scope,
      ...(pick.scope === 'page' && { pageUrl }),
      name,
      nameKey,
      actor: cleanName(pick.actor),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    await db.aliasPicks.put(record);
    await touchPage(db, pageUrl, page, now);
    return record;
  });
}

/** Removes the pick for `name` of that reach (the page's, or the one for every page); returns it. */
export async function clearPick(db: GlossDatabase, pageUrl: string, name: string, scope: PickScope): Promise<AliasPickRecord | null> {
  const id = aliasPickId(scope === 'page' ? pageUrl : null, formKey(cleanName(name)));
  return db.transaction('rw', db.aliasPicks, async () => {
    const existing = await db.aliasPicks.get(id);
    if (existing) await db.aliasPicks.delete(id);
    return existing ?? null;
  });
}

/** The picks that hold on a page: its own and those for every page. */
export async function picksForPage(db: GlossDatabase, pageUrl: string | null): Promise<AliasPick[]> {
  return db.transaction('r', db.aliasPicks, async () => {
    const everywhere = await db.aliasPicks.where('scope').equals('everywhere').toArray();
    const own = pageUrl ? await db.aliasPicks.where('pageUrl').equals(pageUrl).toArray() : [];
    return [...everywhere, ...own].map(({ name, actor, scope }) => ({ name, actor, scope }));
  });
}
