/**
 * The technique tagger's tags, one per token: outside any technique (`O`), the first token of one (`B`),
 * or inside one after its first token (`I`). A technique mention is a `B` and the `I`s after it.
 */
export const TAGS = ['O', 'B', 'I'] as const;
export type Tag = (typeof TAGS)[number];
export const O = 0;
export const B = 1;
export const I = 2;
/** The tag before the first token of a text. */
export const START = 3;
