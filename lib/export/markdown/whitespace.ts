/**
 * Whitespace collapsing, run on every quote, note and title of an export, often several times each.
 * Replacing /\s+/g with " " rebuilds the string even when every run already is one space (as in most
 * prose), so the replace runs only when something would change.
 */

const WHITESPACE_RUN = /\s+/g;
/** Whitespace other than a space: a tab, a line break, an unusual space. */
const NOT_SPACE = /[^\S ]/;

/** `text` with each whitespace run made one space, and none at either end. */
export function collapseWhitespace(text: string): string {
  const singleSpaces = !NOT_SPACE.test(text) && !text.includes('  ');
  return (singleSpaces ? text : text.replace(WHITESPACE_RUN, ' ')).trim();
}
