import type { Span } from './group-entities';

/**
 * A listed ordinary word written in capitals inside a sentence in ordinary case ("HAFNIUM exploited
 * Exchange servers", "the NICKEL group's tools"): a vendor's name, not the word. Not in a heading or a
 * line in capitals, where every word is.
 */
const CAPITALS = /^\p{Lu}{4,}$/u;
const LOWER_WORD = /\p{Ll}{2}/u;
/** A word of prose: a space or an opening mark before it, a space or punctuation after it; not a code token's part ("SERVICE\_CONTROL\_STOP"). */
const PROSE_BEFORE = /^(?:[\s\u00a0([“"‘']|)$/;
const PROSE_AFTER = /^(?:[\s\u00a0,.;:!?)\]”"’']|)$/;
export function capitalsInProse(text: string, span: Pick<Span, 'start' | 'end' | 'text'>): boolean {
  if (!CAPITALS.test(span.text)) return false;
  if (!PROSE_BEFORE.test(text.charAt(span.start - 1)) || !PROSE_AFTER.test(text.charAt(span.end))) return false;
  // Only the 60 characters on either side, cut at the line's ends: a search for the line's ends could read a
  // whole one-line page for every such mention.
  const before = text.slice(Math.max(0, span.start - 60), span.start);
  const after = text.slice(span.end, span.end + 60);
  return LOWER_WORD.test(before.slice(before.lastIndexOf('\n') + 1)) || LOWER_WORD.test(after.split('\n', 1)[0]);
}
