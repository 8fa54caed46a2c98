/**
 * Obsidian's inline tags in a note's text: `#ransomware`, `#actor/octo-tempest`. Readers who keep their notes
 * in Obsidian tag them there as they write; the exports carry them as typed, where Obsidian reads them. In
 * Gloss they are searched as the highlight's tags (`#ransomware` in the library's search finds them) and
 * drawn as a search of the library for the tag.
 *
 * As Obsidian reads them: a `#` at the start or after white space, then letters, digits, `_`, `-` and `/`,
 * at least one of them not a digit ("#1" and "issue #42" are numbers, "C#" and "page#part" no tags).
 */
import { MAX_TAG_LENGTH } from '../storage/tags';

export interface InlineTag {
  /** The tag without its `#`, as typed. */
  tag: string;
}

export type InlineTagPiece = string | InlineTag;

// Linear: one character class after a fixed "#", and the look-behind reads one character.
const INLINE_TAG = /(?<!\S)#([\p{L}\p{N}_/-]+)/gu;
const NOT_ONLY_DIGITS = /[^\p{N}]/u;

/** A tag longer than the store keeps one (`MAX_TAG_LENGTH`) is text. */
const tagOf = (body: string): string | null => (body.length <= MAX_TAG_LENGTH && NOT_ONLY_DIGITS.test(body) ? body : null);

/** The text split into plain pieces and inline tags, in order; text with none is one piece. */
export function splitInlineTags(text: string): InlineTagPiece[] {
  if (!text.includes('#')) return [text];
  const pieces: InlineTagPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE_TAG)) {
    const tag = tagOf(match[1]);
    if (!tag) continue;
    if (match.index > last) pieces.push(text.slice(last, match.index));
    pieces.push({ tag });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

// Code as typed holds no tags: fenced blocks (one never closed runs to the end, as in CommonMark) and inline
// spans. Linear: a fence's scan stops at its closing mark or the end, and the next scan starts after it.
const FENCED = /^(```|~~~)(?:[^\n]*\n[^]*?^\1|[^]*)/gm;
const INLINE_CODE = /`[^`\n]*`/g;

/**
 * The distinct inline tags of a note's Markdown, for search (the views read them from the note's tree,
 * which knows its code and links exactly); code is left out, a link's address is not white space-led.
 */
export function inlineTagsOf(note: string): string[] {
  if (!note.includes('#')) return [];
  const prose = note.replace(FENCED, ' ').replace(INLINE_CODE, ' ');
  const tags = new Set<string>();
  for (const piece of splitInlineTags(prose)) if (typeof piece !== 'string') tags.add(piece.tag);
  return [...tags];
}

const NONE: readonly string[] = Object.freeze([]);

/** `inlineTagsOf` for a stored note, whatever the stored value is; most notes hold no "#" and cost one indexOf. */
export function inlineTagsOfNote(note: unknown): readonly string[] {
  return typeof note === 'string' && note.includes('#') ? inlineTagsOf(note) : NONE;
}
