/**
 * Gloss tags as Obsidian tags. Obsidian allows letters, digits, "_", "-" and "/" (for nesting) in a
 * tag, and a tag must hold something other than digits: "#1984" is not a tag.
 */
import { tagKey } from '../../storage/tags';

/**
 * The Obsidian form of a tag, without "#": each run of other characters becomes "-" ("T1566.001" ->
 * "T1566-001", "c&c" -> "c-c"); "-", "/" and "_" are trimmed from the ends (a trailing "_" would close
 * emphasis elsewhere); a tag with no letter gets a leading "_" ("2023" -> "_2023"), the smallest change
 * Obsidian accepts. Null when nothing is left.
 */
export function obsidianTag(label: string): string | null {
  const tag = label
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}_/-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^[-/_]+|[-/_]+$/g, '');
  if (!tag) return null;
  return /\p{L}/u.test(tag) ? tag : `_${tag}`;
}

/**
 * Obsidian tags for labels in the order given, without duplicates: two labels that come out the same
 * apart from case are one tag (Obsidian's tags ignore case), spelled as first seen.
 */
export function obsidianTags(labels: Iterable<string>): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const label of labels) {
    const tag = obsidianTag(label);
    if (!tag || seen.has(tagKey(tag))) continue;
    seen.add(tagKey(tag));
    tags.push(tag);
  }
  return tags;
}
