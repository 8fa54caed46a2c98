/**
 * Obsidian's inline tags in a note's text: `#ransomware`, `#actor/octo-tempest`. Readers who keep their notes
 * in Obsidian tag them there as they write; the exports carry them as typed, where Obsidian reads them. In
 * Gloss they are searched as the highlight's tags (`#ransomware` in the library's search finds them) and
 * drawn as a search of the library for the tag.
 *
 * As Obsidian reads them: a `#` at the start or after white space, then letters, digits, `_`, `-` and `/`,
 * at least one of them not a digit ("#1" and "issue #42" are numbers, "C#" and "page#part" no tags). Marks
 * that open emphasis may stand between ("**#urgent**"), and an escaped `\#` is no tag.
 *
 * The views and search read the same characters as typed (`tagAt`): the views at each `#` markdown-it
 * reaches outside code and links (`obsidian-inline-rules.ts`), search over the note with its code and links
 * blanked. So the tag a view draws is the tag search finds, whatever marks stand around it.
 */
import { MAX_TAG_LENGTH } from '../storage/tags';
import { webLinkUrl } from '../url/web-link';
import { splitWikilinks } from './wikilinks';

export interface InlineTag {
  /** The tag without its `#`, as typed. */
  tag: string;
}

export type InlineTagPiece = string | InlineTag;

// Linear: sticky, one character class read forward from the "#"; a body holds no "#", so no two overlap.
const TAG_BODY = /[\p{L}\p{N}_/-]+/uy;
const NOT_ONLY_DIGITS = /[^\p{N}]/u;
const SPACE = /\s/u;

/** Marks that open emphasis, highlight or strikethrough, which may stand before a tag. */
const EMPHASIS_MARKS = new Set(['*', '_', '=', '~']);

/**
 * What may stand before a tag or its emphasis marks: the start, white space, or a quote's or a table's
 * mark, which the views take off a line before they read it (`>#tag` starts the quote's text).
 */
const opensTag = (char: string | undefined): boolean => char === undefined || char === '>' || char === '|' || SPACE.test(char);

/**
 * The tag whose `#` stands at `at` in the text as typed, or null. A tag longer than the store keeps one
 * (`MAX_TAG_LENGTH`) is text. Reads back over the emphasis marks before the `#` only, and forward over the tag.
 */
export function tagAt(text: string, at: number): string | null {
  if (text[at] !== '#') return null;
  let before = at - 1;
  while (before >= 0 && EMPHASIS_MARKS.has(text[before])) before--;
  if (!opensTag(before < 0 ? undefined : text[before])) return null;
  TAG_BODY.lastIndex = at + 1;
  const body = TAG_BODY.exec(text)?.[0];
  return body && body.length <= MAX_TAG_LENGTH && NOT_ONLY_DIGITS.test(body) ? body : null;
}

/** The text split into plain pieces and inline tags, in order; text with none is one piece. */
export function splitInlineTags(text: string): InlineTagPiece[] {
  const pieces: InlineTagPiece[] = [];
  let last = 0;
  for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) {
    const tag = tagAt(text, at);
    if (!tag) continue;
    if (at > last) pieces.push(text.slice(last, at));
    pieces.push({ tag });
    last = at + 1 + tag.length;
  }
  if (last < text.length || pieces.length === 0) pieces.push(text.slice(last));
  return pieces;
}

// Code as typed holds no tags: fenced blocks (one never closed runs to the end, as in CommonMark) and inline
// spans. Linear: a fence's scan stops at its closing mark or the end, and the next scan starts after it.
const FENCED = /^(```|~~~)(?:[^\n]*\n[^]*?^\1|[^]*)/gm;
const INLINE_CODE = /`[^`\n]*`/g;
// A link's or an image's words are no tags either, where the views draw it as a link (to a web address;
// a link to no web address is shown as its words, tags and all). Linear: each scan stops at the next
// bracket, parenthesis or line end.
const LINK = /(!?)\[([^[\]\n]+)\]\(([^()\n]*)\)/g;

/**
 * Stands for what the views draw as one element (code, a link, a wikilink): no tag inside it, and none
 * right after it ("`code`#x"), as in the text typed, where a backtick or a bracket stands before the `#`.
 */
const ELEMENT = '\uFFFC';

/** A link's destination, without its title or angle brackets: `(<https://x> "title")` → `https://x`. */
const destinationOf = (inside: string): string => {
  const trimmed = inside.trim();
  if (!trimmed.startsWith('<')) return trimmed.split(/\s/, 1)[0];
  const close = trimmed.indexOf('>');
  return trimmed.slice(1, close === -1 ? undefined : close);
};

/**
 * Links to web addresses and images made one element; others keep their bracketed words, which the views
 * show as text (an image's words are its description, never read for tags).
 */
const withoutLinks = (text: string): string =>
  text.replace(LINK, (_link, bang: string, words: string, inside: string) =>
    bang || webLinkUrl(destinationOf(inside)) ? ELEMENT : `[${words}]${ELEMENT}`,
  );

/** The text with its wikilinks (read as the views read them) made elements: their words hold no tags. */
const withoutWikilinks = (text: string): string =>
  splitWikilinks(text)
    .map((piece) => (typeof piece === 'string' ? piece : ELEMENT))
    .join('');

/**
 * The distinct inline tags of a note's Markdown, for search (the views read them from the note's tree,
 * which knows its code and links exactly); code, a link's words and wikilinks are left out.
 */
export function inlineTagsOf(note: string): string[] {
  if (!note.includes('#')) return [];
  const prose = withoutWikilinks(withoutLinks(note.replace(FENCED, ' ').replace(INLINE_CODE, ELEMENT)));
  const tags = new Set<string>();
  for (const piece of splitInlineTags(prose)) if (typeof piece !== 'string') tags.add(piece.tag);
  return [...tags];
}

const NONE: readonly string[] = Object.freeze([]);

/** `inlineTagsOf` for a stored note, whatever the stored value is; most notes hold no "#" and cost one indexOf. */
export function inlineTagsOfNote(note: unknown): readonly string[] {
  return typeof note === 'string' && note.includes('#') ? inlineTagsOf(note) : NONE;
}
