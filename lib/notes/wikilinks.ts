/**
 * Obsidian's wikilinks in a note's text: `[[Target]]`, `[[Target|shown words]]`, `[[Target#Heading]]`.
 * Readers who keep their notes in Obsidian write them in Gloss too, and the exports carry them as typed,
 * where Obsidian resolves them. Gloss has no notes named so; its views show the words and make them a
 * search of the library for the target.
 */

export interface Wikilink {
  /** The note (or topic) linked to, without its heading or block part. */
  target: string;
  /** The words shown: the alias, else the target and its heading as Obsidian shows them ("Target > Heading"). */
  label: string;
}

export type WikilinkPiece = string | Wikilink;

// Linear: the target and alias classes exclude the brackets that open and close a link, so a scan from
// one "[[" stops at the next bracket and never reaches back into text another start has scanned.
const WIKILINK = /\[\[([^[\]|\n]+)(?:\|([^[\]\n]*))?\]\]/g;
const WIKILINK_AT = new RegExp(WIKILINK.source, 'y');

function linkOf(inside: string, alias: string | undefined): Wikilink | null {
  const hash = inside.indexOf('#');
  const target = (hash === -1 ? inside : inside.slice(0, hash)).trim();
  const heading =
    hash === -1
      ? ''
      : inside
          .slice(hash + 1)
          .replace(/^\^/, '')
          .trim();
  if (!target && !heading) return null;
  const shown = alias?.trim() || [target, heading].filter(Boolean).join(' > ');
  return { target: target || heading, label: shown };
}

/** The text split into plain pieces and wikilinks, in order; text with none is one piece. */
export function splitWikilinks(text: string): WikilinkPiece[] {
  if (!text.includes('[[')) return [text];
  const pieces: WikilinkPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(WIKILINK)) {
    const link = linkOf(match[1], match[2]);
    if (!link) continue;
    if (match.index > last) pieces.push(text.slice(last, match.index));
    pieces.push(link);
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

/** The wikilink that opens at `at` in the text, and how many characters it takes, or null. */
export function wikilinkAt(text: string, at: number): { link: Wikilink; length: number } | null {
  if (!text.startsWith('[[', at)) return null;
  WIKILINK_AT.lastIndex = at;
  const match = WIKILINK_AT.exec(text);
  const link = match && linkOf(match[1], match[2]);
  return link ? { link, length: match[0].length } : null;
}
