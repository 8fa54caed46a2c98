import type { GlossDatabase } from './database';
import type { HighlightColor } from './records';
import { tagKey } from './tags';

/**
 * The colour of the highlight made or changed last, which the highlight shortcut reuses; null before
 * the first highlight (the settings' default colour applies then).
 */
export async function lastUsedColor(db: GlossDatabase): Promise<HighlightColor | null> {
  const newest = await db.annotations.orderBy('updatedAt').last();
  return newest?.color ?? null;
}

/** Every tag some highlight carries, each once (the first spelling found), for tag fields to suggest. */
export async function tagsInUse(db: GlossDatabase): Promise<string[]> {
  const labels = (await db.annotations.orderBy('tags').uniqueKeys()) as string[];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const label of labels) {
    const key = tagKey(String(label));
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(String(label));
  }
  return result;
}
