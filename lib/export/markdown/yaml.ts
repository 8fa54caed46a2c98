/**
 * YAML front matter for exported notes. Every value is a double-quoted scalar, whatever it holds, so no
 * title, address or author can end the block, start a new key or turn into a number, date or boolean.
 *
 * The escapes used (\" \\ \n \r \t \uXXXX) mean the same in YAML and JSON, so each quoted value is
 * also a JSON string literal: JSON.parse reads it back, which is how the tests check it.
 */

/**
 * Characters written as escapes: the quote and backslash; C0 and C1 controls and DEL, which YAML does
 * not allow unescaped; NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which YAML 1.1 reads as line breaks;
 * the byte order mark and the non-characters U+FFFE and U+FFFF; and bidirectional controls, which
 * would make the raw file display out of order.
 */
const ESCAPED = /["\\\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(character: string): string {
  return SHORT_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A double-quoted YAML scalar. Lone surrogates become U+FFFD: they are not characters, a UTF-8 file
 * cannot hold them, and YAML parsers disagree on escaped ones.
 */
export function yamlString(value: string): string {
  return `"${value.toWellFormed().replace(ESCAPED, escapeCharacter)}"`;
}

const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** A front matter value: one string, or a list of strings. */
export type FrontMatterValue = string | readonly string[];

/**
 * The front matter block, `---` lines included, with the keys in the order given. Keys are the
 * caller's own plain identifiers (anything else throws); values are always quoted. An empty list is
 * written as `[]`.
 */
export function frontMatter(entries: ReadonlyArray<readonly [key: string, value: FrontMatterValue]>): string {
  const lines = ['---'];
  for (const [key, value] of entries) {
    if (!PLAIN_KEY.test(key)) throw new Error(`Not a plain front matter key: ${JSON.stringify(key)}`);
    if (typeof value === 'string') lines.push(`${key}: ${yamlString(value)}`);
    else if (value.length === 0) lines.push(`${key}: []`);
    else lines.push(`${key}:`, ...value.map((item) => `  - ${yamlString(item)}`));
  }
  lines.push('---');
  return lines.join('\n');
}
