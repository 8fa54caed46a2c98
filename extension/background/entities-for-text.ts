import { actorKeysOf, pageEntities, stoppedPageEntities, type PageEntities } from '@/lib/entities/page-entities';
import { scanWithinLimits } from '@/lib/entities/scan-budget';
import { entityTagsForPage } from '@/lib/storage/entity-tag-store';
import { recordPageActors } from '@/lib/storage/page-store';
import { glossDatabase } from './database';
import { entityScanner } from './entity-scanner';
import { markMoment } from './timeline';

/**
 * Finds the entities of an article text and applies the page's verdicts; records the page's actors if
 * it is saved. The scan runs in slices within the background's limits (`scan-budget.ts`), so other
 * messages are answered meanwhile; an unusually long page gets `stopped: 'too-long'` and no entities.
 */
export async function entitiesForText(pageUrl: string | null, text: string): Promise<PageEntities> {
  const { scanner } = await entityScanner();
  markMoment('scan-start');
  const found = await scanWithinLimits(scanner, text);
  markMoment('scan-done');
  if (!found) return stoppedPageEntities();
  const db = glossDatabase();
  const result = pageEntities(text, found, pageUrl ? await entityTagsForPage(db, pageUrl) : []);
  if (pageUrl) await recordPageActors(db, pageUrl, actorKeysOf(result));
  return result;
}
