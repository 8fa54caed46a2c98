import type { GlossDatabase } from './database';
import type { HighlightColor } from './records';
import { DEFAULT_COLOR_KEY } from './settings-store';
import { tagKey } from './tags';

/**
 * The colour last used, which the highlight shortcut reuses: that of the highlight made or changed
 * last, unless the default colour was chosen on the settings page since (choosing it is using it).
 * Null before the first highlight and the first choice: the default colour applies then.
 */
export async function lastUsedColor(db: GlossDatabase): Promise<HighlightColor | null> {
  const [newest, chosen] = await Promise.all([db.annotations.orderBy('updatedAt').last(), db.settings.get(DEFAULT_COLOR_KEY)]);
  if (!newest) return null;
  return chosen && chosen.updatedAt >= newest.updatedAt ? null : newest.color;
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
