import { formKey } from '@/lib/entities/dictionary';
import type { GlossRequest, GlossResponse } from '@/lib/messaging/contract';
import { clearPick, savePick } from '@/lib/storage/alias-pick-store';
import { entityTagsForPage, tagEntity, untagEntity } from '@/lib/storage/entity-tag-store';
import { cleanPageDetails } from '@/lib/storage/page-store';
import { announceEntityChanges } from './announce-change';
import { articleTextFor } from './article-texts';
import { glossDatabase } from './database';
import { entityScanner } from './entity-scanner';
import { entitiesForText } from './entities-for-text';
import { notePdfPage, pageUrlOfTab } from './tab-page';

const REACH = { page: 'on this page', everywhere: 'on every page' } as const;

/**
 * Caller: extension pages (popup, side panel). Keeps or clears the researcher's pick for a name that may
 * mean several actors. Only a name the data gives to more than one actor, and one of those actors, is
 * taken; a confirmation this page gave the name under another of its actors moves to the one picked. The tab's page is read again at once, so its actors (and with them the library and the exports)
 * follow the pick even if the popup closes now.
 */
export async function pickAlias({ tabId, name, actor, scope, page }: GlossRequest<'pick-alias'>): Promise<GlossResponse<'pick-alias'>> {
  const pageUrl = await pageUrlOfTab(tabId);
  if (!pageUrl) return { ok: false, message: 'This tab has no page Gloss can keep picks for.' };
  const db = glossDatabase();
  let taken: string | null = null;
  if (actor === null) {
    const cleared = await clearPick(db, pageUrl, name, scope);
    if (!cleared) return { ok: false, message: `There is no pick for “${name}” ${REACH[scope]} to clear.` };
  } else {
    const candidates = (await entityScanner()).names.candidates(name);
    if (candidates.length < 2) return { ok: false, message: `“${name}” names only one actor; there is nothing to pick.` };
    const chosen = candidates.find((c) => formKey(c.canonical) === formKey(actor));
    if (!chosen)
      return { ok: false, message: `“${name}” is not a name of ${actor}; pick one of ${candidates.map((c) => c.canonical).join(', ')}.` };
    taken = chosen.canonical;
    await savePick(db, pageUrl, { name, actor: taken, scope }, cleanPageDetails(page));
    // A confirmation this page gave the name under another of its actors now belongs to the one picked,
    // so the STIX bundle names the picked actor.
    const others = new Set(candidates.filter((c) => c !== chosen).map((c) => formKey(c.canonical)));
    for (const tag of await entityTagsForPage(db, pageUrl)) {
      if (
        tag.kind !== 'threat-actor' ||
        tag.status !== 'confirmed' ||
        formKey(tag.name) !== formKey(name) ||
        !others.has(formKey(tag.canonical))
      )
        continue;
      await untagEntity(db, pageUrl, tag.entityKey);
      await tagEntity(
        db,
        pageUrl,
        { kind: 'threat-actor', name: tag.name, canonical: chosen.canonical },
        'confirmed',
        cleanPageDetails(page),
      );
    }
  }
  await notePdfPage(tabId, pageUrl);
  const read = articleTextFor(tabId);
  if (read && read.pageUrl === pageUrl) await entitiesForText(pageUrl, read.text);
  announceEntityChanges(scope === 'everywhere' ? null : [pageUrl]);
  return {
    ok: true,
    message: taken === null ? `Cleared your pick for “${name}” ${REACH[scope]}.` : `“${name}” now means ${taken} ${REACH[scope]}.`,
  };
}
