import { applyAliasPicks } from '@/lib/entities/alias-picks';
import { actorKeysOf, pageEntities, stoppedPageEntities, type PageEntities } from '@/lib/entities/page-entities';
import { scanWithinLimits } from '@/lib/entities/scan-budget';
import { withReadableCanonicals } from '@/lib/entities/readable-canonicals';
import { picksForPage } from '@/lib/storage/alias-pick-store';
import { movedVerdicts } from '@/lib/entities/moved-verdicts';
import { entityTagsForPage, moveEntityTags } from '@/lib/storage/entity-tag-store';
import { recordPageActors } from '@/lib/storage/page-store';
import { glossDatabase } from './database';
import { entityScanner } from './entity-scanner';
import { markMoment } from './timeline';

/**
 * Finds the entities of an article text, applies the researcher's alias picks (this page's, then those
 * for every page) and the page's verdicts (moving those kept under a name now resolved elsewhere);
 * records the page's actors if it is saved, so the library and the exports name the picked actors. The
 * scan runs in slices within the background's limits (`scan-budget.ts`), so other messages are answered
 * meanwhile; an unusually long page gets `stopped: 'too-long'` and no entities.
 */
export async function entitiesForText(pageUrl: string | null, text: string): Promise<PageEntities> {
  const { scanner, names } = await entityScanner();
  markMoment('scan-start');
  const found = await scanWithinLimits(scanner, text);
  markMoment('scan-done');
  if (!found) return stoppedPageEntities();
  const db = glossDatabase();
  const resolved = applyAliasPicks(withReadableCanonicals(found), await picksForPage(db, pageUrl), names);
  let verdicts = pageUrl ? await entityTagsForPage(db, pageUrl) : [];
  // Verdicts on a name now resolved elsewhere follow it (a data update, a gang under its ransomware's name).
  const moves = movedVerdicts(resolved, verdicts);
  if (pageUrl && moves.length) {
    await moveEntityTags(db, pageUrl, moves);
    verdicts = await entityTagsForPage(db, pageUrl);
  }
  const result = pageEntities(text, resolved, verdicts);
  if (pageUrl) await recordPageActors(db, pageUrl, actorKeysOf(result));
  return result;
}
