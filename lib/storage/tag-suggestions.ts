import { cleanTags, tagKey } from './tags';

/** The part of a tag field being typed: everything after the last comma or line break. */
export function typedTagFragment(input: string): { before: string; fragment: string } {
  const cut = Math.max(input.lastIndexOf(','), input.lastIndexOf('\n'));
  return { before: input.slice(0, cut + 1), fragment: input.slice(cut + 1) };
}

/**
 * Existing tags that complete what is being typed in a tag field: those starting with the fragment
 * first, then those containing it, leaving out tags already in the field. An empty fragment offers
 * none, so the list appears only once the person starts a tag.
 */
export function suggestTags(known: readonly string[], input: string, limit = 8): string[] {
  const { before, fragment } = typedTagFragment(input);
  const wanted = tagKey(fragment.replace(/^#+/, '')).replace(/\s+/g, '-');
  if (!wanted) return [];
  const present = new Set(cleanTags(before.split(/[,\n]/)).map(tagKey));
  const candidates = known.filter((label) => !present.has(tagKey(label)) && tagKey(label) !== wanted);
  const starting = candidates.filter((label) => tagKey(label).startsWith(wanted));
  const containing = candidates.filter((label) => !tagKey(label).startsWith(wanted) && tagKey(label).includes(wanted));
  return [...starting, ...containing].slice(0, limit);
}

/** The field's text with its fragment replaced by a chosen tag, ready for the next one. */
export function completeTag(input: string, label: string): string {
  const { before } = typedTagFragment(input);
  return `${before}${before ? ' ' : ''}${label}, `;
}

/**
 * What the field will store, said plainly when it differs from what was typed ("social engineering"
 * is kept as `social-engineering`), or null when every tag is kept as typed.
 */
export function tagNormalisationNote(input: string, parse: (input: string) => string[]): string | null {
  const typed = input
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const kept = parse(input);
  const same = typed.length === kept.length && typed.every((part, i) => part === kept[i]);
  if (same || kept.length === 0) return null;
  return `Saved as ${kept.map((tag) => `#${tag}`).join(' ')}`;
}
