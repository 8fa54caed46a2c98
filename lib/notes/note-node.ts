/** The tree a reader's note is read into (lib/notes/note-tree.ts), for the views to draw. */
export type NoteTag =
  | 'p'
  | 'heading'
  | 'blockquote'
  | 'ul'
  | 'ol'
  | 'li'
  | 'pre'
  | 'hr'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'strong'
  | 'em'
  | 's'
  | 'mark'
  | 'code'
  | 'br'
  | 'a'
  | 'wikilink'
  | 'inline-tag'
  | 'callout-title';

export interface NoteElement {
  type: 'element';
  tag: NoteTag;
  children: NoteNode[];
  /** A link's address, web or mail only. */
  href?: string;
  /** An ordered list's first number, when not 1. */
  start?: number;
  /** A table cell's alignment. */
  align?: 'left' | 'center' | 'right';
  /** A task item's state ("- [x] done"). */
  checked?: boolean;
  /** An image, shown as a link to it named by its description: a note never loads anything. */
  image?: boolean;
  /**
   * An Obsidian wikilink's target (`[[Target|shown words]]`), or an inline tag without its `#` (`#ransomware`):
   * what the views search the library for.
   */
  target?: string;
  /** A quote that is an Obsidian callout (`> [!warning] Title`): its colour family (lib/notes/callouts.ts). */
  callout?: string;
}

export interface NoteText {
  type: 'text';
  text: string;
}

export type NoteNode = NoteElement | NoteText;
