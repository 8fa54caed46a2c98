/**
 * Which saved page a note in a vault belongs to: the `source` key of its front matter, which Gloss
 * writes as the page's address (the key pages are stored under). Gloss writes it double-quoted, but
 * Obsidian's properties editor and other tools rewrite front matter in their own style, so single-quoted
 * and plain values are read too. Only the front matter is read, never the note's text.
 */

const OPENING = /^\ufeff?---[ \t]*(?:\r\n|\n|\r)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const SOURCE = /^source[ \t]*:(.*)$/;

/** A double-quoted YAML scalar; Gloss's escapes are JSON's, and other tools' are rare in an address. */
function doubleQuoted(value: string): string | null {
  if (!value.endsWith('"') || value.length < 2) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : null;
  } catch {
    return value.slice(1, -1);
  }
}

/** The value of a `source:` line: quoted either way, or plain up to a comment. */
function scalar(raw: string): string | null {
  const value = raw.trim();
  if (value.startsWith('"')) return doubleQuoted(value);
  if (value.startsWith("'")) return value.length >= 2 && value.endsWith("'") ? value.slice(1, -1).replaceAll("''", "'") : null;
  const plain = value.replace(/[ \t]#.*$/, '').trim();
  return plain || null;
}

/**
 * The `source` address in a note's front matter, or null when the note has no front matter or no
 * source. `head` may be just the start of the file: front matter comes first.
 */
export function frontMatterSource(head: string): string | null {
  const opening = OPENING.exec(head);
  if (!opening) return null;
  const lines = head.slice(opening[0].length).split(/\r\n|\n|\r/);
  for (const line of lines) {
    if (CLOSING.test(line)) return null;
    const source = SOURCE.exec(line);
    if (source) return scalar(source[1]);
  }
  return null;
}
