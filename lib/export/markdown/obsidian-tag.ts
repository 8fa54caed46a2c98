/**
 * Gloss tags as Obsidian tags. Obsidian allows letters, digits, "_", "-" and "/" (for nesting) in a
 * tag, and a tag must hold something other than digits: "#1984" is not a tag.
 */
import { tagKey } from '../../storage/tags';

function convertTag(label: string): string | null {
  const tag = label
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}_/-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^[-/_]+|(?<![-/_])[-/_]+$/g, '');
  if (!tag) return null;
  return /\p{L}/u.test(tag) ? tag : `_${tag}`;
}

interface KnownTag {
  tag: string | null;
  /** tagKey of the tag, '' when there is none. */
  key: string;
}

/**
 * An export of everything converts the same few hundred labels on every highlight of every page, and
 * normalising and case-folding them is most of what the tags cost; each label is converted once. Labels
 * are user text, so the map is emptied when it grows large rather than grow without end.
 */
const knownTags = new Map<string, KnownTag>();
const MAX_KNOWN_TAGS = 4096;

function knownTag(label: string): KnownTag {
  let known = knownTags.get(label);
  if (!known) {
    if (knownTags.size >= MAX_KNOWN_TAGS) knownTags.clear();
    const tag = convertTag(label);
    known = { tag, key: tag === null ? '' : tagKey(tag) };
    knownTags.set(label, known);
  }
  return known;
}

/**
 * The Obsidian form of a tag, without "#": each run of other characters becomes "-" ("T1566.001" ->
 * "T1566-001", "c&c" -> "c-c"); "-", "/" and "_" are trimmed from the ends (a trailing "_" would close
 * emphasis elsewhere); a tag with no letter gets a leading "_" ("2023" -> "_2023"), the smallest change
 * Obsidian accepts. Null when nothing is left.
 */
export function obsidianTag(label: string): string | null {
  return knownTag(label).tag;
}

/**
 * Obsidian tags for labels in the order given, without duplicates: two labels that come out the same
 * apart from case are one tag (Obsidian's tags ignore case), spelled as first seen.
 */
export function obsidianTags(labels: Iterable<string>): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const label of labels) {
    const { tag, key } = knownTag(label);
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}
