import { actorKeysOf, pageEntities, type PageEntities } from '@/lib/entities/page-entities';
import { entityTagsForPage } from '@/lib/storage/entity-tag-store';
import { recordPageActors } from '@/lib/storage/page-store';
import { glossDatabase } from './database';
import { entityScanner } from './entity-scanner';

/** Finds the entities of an article text and applies the page's verdicts; records the page's actors if it is saved. */
export async function entitiesForText(pageUrl: string | null, text: string): Promise<PageEntities> {
  const { scanner } = await entityScanner();
  const found = scanner.findEntities(text);
  const db = glossDatabase();
  const result = pageEntities(text, found, pageUrl ? await entityTagsForPage(db, pageUrl) : []);
  if (pageUrl) await recordPageActors(db, pageUrl, actorKeysOf(result));
  return result;
}
