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
import { webLinkUrl } from '../url/web-link';
import { splitWikilinks } from './wikilinks';

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
// A link's or an image's words are no tags either, where the views draw it as a link (to a web address;
// others are shown as their words, tags and all, run into the text around them). Linear: each scan stops
// at the next bracket, parenthesis or line end.
const LINK = /!?\[([^[\]\n]+)\]\(([^()\n]*)\)/g;

/** A link's destination, without its title or angle brackets: `(<https://x> "title")` → `https://x`. */
const destinationOf = (inside: string): string => {
  const trimmed = inside.trim();
  if (!trimmed.startsWith('<')) return trimmed.split(/\s/, 1)[0];
  const close = trimmed.indexOf('>');
  return trimmed.slice(1, close === -1 ? undefined : close);
};

/** Links to web addresses made white space, others made their words, as the views show each. */
const withoutLinks = (text: string): string =>
  text.replace(LINK, (_link, words: string, inside: string) => (webLinkUrl(destinationOf(inside)) ? ' ' : words));

/** The text with its wikilinks (read as the views read them) made white space: their words hold no tags. */
const withoutWikilinks = (text: string): string =>
  splitWikilinks(text)
    .map((piece) => (typeof piece === 'string' ? piece : ' '))
    .join('');

/**
 * The distinct inline tags of a note's Markdown, for search (the views read them from the note's tree,
 * which knows its code and links exactly); code, a link's words and wikilinks are left out.
 */
export function inlineTagsOf(note: string): string[] {
  if (!note.includes('#')) return [];
  const prose = withoutWikilinks(withoutLinks(note.replace(FENCED, ' ').replace(INLINE_CODE, ' ')));
  const tags = new Set<string>();
  for (const piece of splitInlineTags(prose)) if (typeof piece !== 'string') tags.add(piece.tag);
  return [...tags];
}

const NONE: readonly string[] = Object.freeze([]);

/** `inlineTagsOf` for a stored note, whatever the stored value is; most notes hold no "#" and cost one indexOf. */
export function inlineTagsOfNote(note: unknown): readonly string[] {
  return typeof note === 'string' && note.includes('#') ? inlineTagsOf(note) : NONE;
}
