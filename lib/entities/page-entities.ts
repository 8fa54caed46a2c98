/**
 * The entities of one page as the popup shows them: each with a stable key, the context of each
 * mention (to mark it in the live page), and the researcher's verdict. Rejected entities are kept
 * apart, never dropped, so a rejection can be undone.
 */
import { actorKey, entityKey } from './entity-key';
import { quoteMention, type MentionQuote } from './locate-mentions';
import type { Entity } from './types';

export type Verdict = 'confirmed' | 'rejected';

export interface PageEntity extends Entity {
  key: string;
  /** One per mention, in the same order. */
  quotes: MentionQuote[];
  verdict: Verdict | null;
}

export interface PageEntities {
  entities: PageEntity[];
  rejected: PageEntity[];
  /**
   * Set when the scan gave up ('too-long': the text is over the background's limits, see
   * `scan-budget.ts`); both lists are then empty.
   */
  stopped?: 'too-long';
}

/** What the popup shows instead of the lists when the scan gave up. */
export const SCAN_STOPPED_MESSAGE = 'Stopped looking for entities: this page is unusually long.';

/** The result for a page whose scan used up its time budget. */
export function stoppedPageEntities(): PageEntities {
  return { entities: [], rejected: [], stopped: 'too-long' };
}

export function pageEntities(
  text: string,
  found: readonly Entity[],
  verdicts: readonly { entityKey: string; status: Verdict }[],
): PageEntities {
  const verdictByKey = new Map(verdicts.map((v) => [v.entityKey, v.status]));
  const result: PageEntities = { entities: [], rejected: [] };
  for (const entity of found) {
    const key = entityKey(entity);
    const verdict = verdictByKey.get(key) ?? null;
    const pageEntity: PageEntity = { ...entity, key, quotes: entity.mentions.map((m) => quoteMention(text, m)), verdict };
    (verdict === 'rejected' ? result.rejected : result.entities).push(pageEntity);
  }
  return result;
}

/** Keys of the threat actors a page mentions and the user has not rejected. */
export function actorKeysOf(entities: PageEntities): string[] {
  return entities.entities.filter((e) => e.kind === 'threat-actor').map((e) => actorKey(e.canonical));
}
