/**
 * The entities of one page as the popup shows them: each with a stable key, the context of each
 * mention (to mark it in the live page), and the researcher's verdict. Rejected entities are kept
 * apart, never dropped, so a rejection can be undone.
 */
import type { AmbiguousName } from './alias-picks';
import { actorKey, entityKey } from './entity-key';
import { FOLDED, foldPattern, foldText } from './folded-search';
import { findIndicators } from './indicators';
import { quoteMention, type MentionQuote } from './locate-mentions';
import type { Entity, EntityKind, Mention } from './types';

export type Verdict = 'confirmed' | 'rejected';

export interface PageEntity extends Entity {
  key: string;
  /** One per mention, in the same order. */
  quotes: MentionQuote[];
  verdict: Verdict | null;
  /** Threat actors: the names among its mentions that may mean several actors (lib/entities/alias-picks.ts). */
  ambiguous?: AmbiguousName[];
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

/**
 * A stored verdict. Stored verdicts (EntityTagRecord) also say what was tagged, so an entity the
 * researcher confirmed that the scan does not find (text they tagged as malware, say) is still shown.
 */
export interface StoredVerdict {
  entityKey: string;
  status: Verdict;
  kind?: EntityKind;
  name?: string;
  canonical?: string;
}

const MAX_TAGGED_MENTIONS = 1000;

function isWordCode(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code));
}

/**
 * Where the text says `names`, whole words, ignoring case and spacing (the scanner's folding), in
 * order. Each name is found with indexOf over the folded text, which moves forward after every hit:
 * linear in the text for names of bounded length (at most 200 characters).
 */
export function mentionsOfNames(text: string, names: readonly string[]): Mention[] {
  const { folded, positions } = foldText(text);
  const found = new Map<number, Mention>();
  for (const name of new Set(names.map((n) => foldPattern(n, FOLDED)).filter(Boolean))) {
    for (let at = folded.indexOf(name); at !== -1 && found.size < MAX_TAGGED_MENTIONS; at = folded.indexOf(name, at + 1)) {
      const endUnit = at + name.length;
      if (isWordCode(folded.charCodeAt(at - 1)) && isWordCode(name.charCodeAt(0))) continue;
      if (isWordCode(folded.charCodeAt(endUnit)) && isWordCode(name.charCodeAt(name.length - 1))) continue;
      const start = positions[at];
      const end = positions[endUnit - 1] + 1;
      if (!found.has(start)) found.set(start, { start, end, text: text.slice(start, end) });
    }
  }
  // Two names may overlap ("Foo" inside "Foo Bar"): keep the longer, earlier one.
  const kept: Mention[] = [];
  for (const mention of [...found.values()].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept[kept.length - 1];
    if (!last || mention.start >= last.end) kept.push(mention);
  }
  return kept;
}

/** An entity for a confirmed verdict the scan did not find: its mentions are wherever the text says its name. */
function taggedEntity(text: string, verdict: StoredVerdict): Entity | null {
  const { kind, name, canonical } = verdict;
  if (!kind || !name || !canonical) return null;
  const entity: Entity = { kind, name, canonical, aliases: [], mentions: mentionsOfNames(text, [name, canonical]) };
  if (kind === 'indicator') {
    const [indicator] = findIndicators(canonical);
    if (indicator?.indicatorType && indicator.canonical === canonical) entity.indicatorType = indicator.indicatorType;
  }
  return entity;
}

export function pageEntities(
  text: string,
  found: readonly (Entity & Pick<PageEntity, 'ambiguous'>)[],
  verdicts: readonly StoredVerdict[],
): PageEntities {
  const verdictByKey = new Map(verdicts.map((v) => [v.entityKey, v.status]));
  const result: PageEntities = { entities: [], rejected: [] };
  const shown = new Set<string>();
  const add = (entity: Entity, key: string) => {
    const verdict = verdictByKey.get(key) ?? null;
    const pageEntity: PageEntity = { ...entity, key, quotes: entity.mentions.map((m) => quoteMention(text, m)), verdict };
    (verdict === 'rejected' ? result.rejected : result.entities).push(pageEntity);
    shown.add(key);
  };
  for (const entity of found) add(entity, entityKey(entity));
  for (const verdict of verdicts) {
    if (verdict.status !== 'confirmed' || shown.has(verdict.entityKey)) continue;
    const entity = taggedEntity(text, verdict);
    if (entity && entityKey(entity) === verdict.entityKey) add(entity, verdict.entityKey);
  }
  return result;
}

/** Keys of the threat actors a page mentions and the user has not rejected. */
export function actorKeysOf(entities: PageEntities): string[] {
  return entities.entities.filter((e) => e.kind === 'threat-actor').map((e) => actorKey(e.canonical));
}
