/**
 * Kinds selected text can be tagged as from the popup (threat actors have their own form: a new or a
 * known actor). Apart from tag-selection.ts so that the message contract, which every script loads,
 * does not pull in the indicator finders.
 */
export const TAGGABLE_KINDS = ['malware', 'tool', 'vulnerability', 'technique', 'indicator', 'organization', 'place'] as const;
export type TaggableKind = (typeof TAGGABLE_KINDS)[number];

export function isTaggableKind(kind: unknown): kind is TaggableKind {
  return typeof kind === 'string' && (TAGGABLE_KINDS as readonly string[]).includes(kind);
}
