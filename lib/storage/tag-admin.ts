/**
 * Renaming and merging tags across the whole library, from the library page.
 *
 * A tag is one tag per tagKey; highlights may spell it in other cases than its TagRecord. After a rename
 * or merge, every highlight that carried any of the tags involved carries the new one exactly once, spelled
 * exactly as typed (cleaned as any tag is), in the place of the first of them; the old TagRecords are gone
 * and one TagRecord holds the new label, dated from the earliest of the tags merged.
 *
 * - What is typed wins, also over an existing tag's spelling: renaming "phish" to "Phishing" when
 *   "phishing" exists merges the two under "Phishing". The person just wrote that name.
 * - Each changed highlight gets `updatedAt = now`, so a backup merge (newer record wins) keeps the rename
 *   instead of bringing old tags back. Pages are left alone: the library lists pages by when they were
 *   last worked on, and a library-wide rename is not work on a page.
 * - One read-write transaction over highlights and tags: it all happens, or none of it.
 */
import type { GlossDatabase } from './database';
import { keepAnnotation, keepTag } from './keep-records';
import type { AnnotationRecord, TagRecord } from './records';
import { parseTagInput, tagKey } from './tags';

export interface TagChange {
  /** Highlights changed. */
  annotations: number;
  /** Two or more existing tags became one. */
  merged: boolean;
  /** The tag's label now (the typed name, cleaned). */
  label: string;
}

/** The one tag a typed name makes, cleaned as the tag field cleans it; throws if it makes none or several. */
function newLabel(typed: string): string {
  const labels = parseTagInput(typed);
  if (labels.length === 0) throw new Error(`A tag needs a name: "${typed.slice(0, 80)}" has no characters left once cleaned.`);
  if (labels.length > 1)
    throw new Error(`A tag name is one tag: "${typed.slice(0, 80)}" reads as ${labels.length} tags (commas or several #).`);
  return labels[0];
}

/** The highlight's tags with every involved one replaced by `label`, once, where the first of them stood. */
function retagged(tags: readonly string[], involved: ReadonlySet<string>, label: string): string[] {
  const result: string[] = [];
  let placed = false;
  for (const tag of tags) {
    if (!involved.has(tagKey(tag))) result.push(tag);
    else if (!placed) {
      result.push(label);
      placed = true;
    }
  }
  return result;
}

const sameTags = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((tag, i) => tag === b[i]);

/** Highlights carrying any of `keys` in any spelling: the tag index's distinct spellings, then those. */
async function carrying(db: GlossDatabase, keys: ReadonlySet<string>): Promise<AnnotationRecord[]> {
  const spellings = (await db.annotations.orderBy('tags').uniqueKeys()).filter(
    (label): label is string => typeof label === 'string' && keys.has(tagKey(label)),
  );
  if (spellings.length === 0) return [];
  const records = await db.annotations.where('tags').anyOf(spellings).toArray();
  return [...new Map(records.map((record) => [record.id, record])).values()];
}

/**
 * Merges the tags under `fromKeys` (tag keys, or labels: they are folded) into one tag named `toLabel`,
 * which may be a new name, one of them, or another existing tag. Resolves to what changed; does nothing
 * when none of the tags exists. Throws on a name that cleans to no tag or to several.
 */
export async function mergeTags(db: GlossDatabase, fromKeys: readonly string[], toLabel: string, now = Date.now()): Promise<TagChange> {
  const label = newLabel(toLabel);
  const sources = new Set(fromKeys.map(tagKey).filter(Boolean));
  if (sources.size === 0) throw new Error('Name at least one tag to rename.');
  const involved = new Set([...sources, tagKey(label)]);
  return db.transaction('rw', db.annotations, db.tags, async () => {
    const records = await carrying(db, involved);
    const tagRecords = (await db.tags.bulkGet([...involved])).filter((tag): tag is TagRecord => tag !== undefined);
    const existing = new Set([
      ...tagRecords.map((tag) => tag.key),
      ...records.flatMap((r) => r.tags.map(tagKey)).filter((k) => involved.has(k)),
    ]);
    if (![...sources].some((key) => existing.has(key))) return { annotations: 0, merged: false, label };
    const changed = records.flatMap((record) => {
      const tags = retagged(record.tags, involved, label);
      return sameTags(tags, record.tags) ? [] : [keepAnnotation({ ...record, tags, updatedAt: now })];
    });
    await db.annotations.bulkPut(changed);
    await db.tags.bulkDelete([...involved].filter((key) => key !== tagKey(label)));
    const createdAt = Math.min(now, ...tagRecords.map((tag) => tag.createdAt));
    await db.tags.put(keepTag({ key: tagKey(label), label, createdAt }));
    return { annotations: changed.length, merged: existing.size > 1, label };
  });
}

/**
 * Renames the tag under `fromKey` to `toLabel` everywhere; if a tag of that name exists already, the two
 * are merged (see mergeTags).
 */
export function renameTag(db: GlossDatabase, fromKey: string, toLabel: string, now = Date.now()): Promise<TagChange> {
  return mergeTags(db, [fromKey], toLabel, now);
}
