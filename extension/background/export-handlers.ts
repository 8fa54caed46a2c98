import { actorProfiles } from '@/lib/export/actor-profiles';
import { attackIdLookup } from '@/lib/export/attack-ids';
import { placeLookup } from '@/lib/export/place-facts';
import type { GlossRequest, GlossResponse } from '@/lib/messaging/contract';
import { savedPagesFile } from '@/lib/storage/saved-page-files';
import { glossDatabase } from './database';
import { entityScanner } from './entity-scanner';
import { pageUrlOfTab } from './tab-page';

const NOTHING_SAVED = 'Nothing from this page is saved yet. Highlight a passage or confirm an entity, then export.';

export async function profilesFor({ keys }: GlossRequest<'actor-profiles'>): Promise<GlossResponse<'actor-profiles'>> {
  return actorProfiles((await entityScanner()).actors, keys);
}

export async function attackIds({ entities }: GlossRequest<'attack-ids'>): Promise<GlossResponse<'attack-ids'>> {
  const lookup = attackIdLookup((await entityScanner()).data);
  return entities.map((entity) => (typeof entity?.canonical === 'string' ? (lookup(entity.kind, entity.canonical) ?? null) : null));
}

export async function placeFacts({ names }: GlossRequest<'place-facts'>): Promise<GlossResponse<'place-facts'>> {
  const lookup = placeLookup((await entityScanner()).data.places ?? []);
  return names.map((name) => (typeof name === 'string' ? (lookup(name) ?? null) : null));
}

/** The tab's saved page as one file, made here where the database and the dictionaries are. */
export async function exportPage({ tabId, format }: GlossRequest<'export-page'>): Promise<GlossResponse<'export-page'>> {
  const pageUrl = await pageUrlOfTab(tabId);
  if (!pageUrl) return { ok: false, message: NOTHING_SAVED };
  try {
    const { actors, data } = await entityScanner();
    const file = await savedPagesFile(glossDatabase(), format, [pageUrl], {
      resolveActors: (keys, fallback) => actorProfiles(actors, keys, fallback),
      attackIds: () => attackIdLookup(data),
      placeFacts: () => placeLookup(data.places ?? []),
    });
    if (!file) return { ok: false, message: NOTHING_SAVED };
    const text = typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data);
    return { ok: true, fileName: file.fileName, mimeType: file.mimeType, text };
  } catch (error) {
    return { ok: false, message: `Gloss could not export this page: ${error instanceof Error ? error.message : String(error)}` };
  }
}
