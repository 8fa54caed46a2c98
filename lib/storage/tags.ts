export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 64;

/** Case-folded form under which a tag is stored, so "APT29", "apt29" and " Apt29 " are one tag. */
export function tagKey(label: string): string {
  return label.normalize('NFKC').trim().toLocaleLowerCase('en');
}

/**
 * Tidies tags as typed: trims, drops a leading "#", turns inner whitespace into "-" (tags become
 * Markdown #tags later), drops empties and case-insensitive duplicates, keeps the first spelling.
 */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const label = raw.normalize('NFKC').trim().replace(/^#+/, '').replace(/\s+/g, '-').slice(0, MAX_TAG_LENGTH);
    const key = tagKey(label);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    result.push(label);
    if (result.length === MAX_TAGS) break;
  }
  return result;
}

/** Splits what the user typed in a tag field ("apt, phishing  #ransomware") into tags. */
export function parseTagInput(input: string): string[] {
  return cleanTags(input.split(/[,\n]|(?<!\s)\s+(?=#)/));
}
