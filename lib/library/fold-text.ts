/**
 * Folding for the library search: text and queries are compared in a form without case, accents or
 * typographic variants, so "Zürich", "ZURICH" and "zurich" are one word, and "it’s" matches "it's".
 *
 * foldText works on one big string (the whole library at once, see search-corpus.ts): native passes
 * only, and the work per character outside ASCII is done once per run of such characters. It is
 * compositional over ASCII non-space characters: folding "a\u0000b" gives fold("a") + "\u0000" + fold("b"),
 * which the corpus relies on to find record boundaries after folding.
 */

const NON_ASCII_RUN = /[^\x00-\x7f]+/g;
const INVISIBLE = /[\p{Mn}\p{Cf}]/gu;
const UNICODE_SPACE = /\s/gu;
const CONTROL_SPACE = /[\t\n\v\f\r]/g;
const SPACE_RUN = / {2,}/g;
/** Typographic punctuation people do not type; mapping it to ASCII also keeps English text one byte per character in V8. */
const TYPOGRAPHIC: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};
const TYPOGRAPHIC_CHARS = new RegExp(`[${Object.keys(TYPOGRAPHIC).join('')}]`, 'g');

/** Runs repeat (the same accented word, the same dash): a bounded cache saves most normalize calls. */
const runCache = new Map<string, string>();
const RUN_CACHE_LIMIT = 10_000;

/**
 * One run of non-ASCII characters: lower case first (so "İ" loses its dot with the other marks), then
 * compatibility decomposition without marks and invisible format characters. Final sigma becomes σ,
 * so a word matches whether or not it ends the text.
 */
function foldRun(run: string): string {
  let folded = runCache.get(run);
  if (folded !== undefined) return folded;
  folded = run
    .toLowerCase()
    .normalize('NFKD')
    .replace(INVISIBLE, '')
    .replace(TYPOGRAPHIC_CHARS, (c) => TYPOGRAPHIC[c])
    .replace(/ς/g, 'σ')
    .replace(UNICODE_SPACE, ' ')
    .toLowerCase();
  if (runCache.size >= RUN_CACHE_LIMIT) runCache.clear();
  runCache.set(run, folded);
  return folded;
}

/** Text as the search compares it: lower case, no accents, whitespace runs as one space (not trimmed). */
export function foldText(text: string): string {
  return text.replace(NON_ASCII_RUN, foldRun).toLowerCase().replace(CONTROL_SPACE, ' ').replace(SPACE_RUN, ' ');
}

const foldAscii = (char: string): string => ('\t\n\v\f\r'.includes(char) ? ' ' : char.toLowerCase());

/** Folded text and, for each folded code unit, the span of the original character it came from. */
export interface FoldedWithOffsets {
  folded: string;
  /** Unit i of `folded` came from text[starts[i]] up to text[ends[i]] (a whole character). */
  starts: number[];
  ends: number[];
}

/**
 * Folds a short text (a quote, a note) character by character, keeping where each folded unit came
 * from, so hits found in folded text can be marked in the original. Gives the same folded string as
 * foldText for the same input.
 */
export function foldWithOffsets(text: string): FoldedWithOffsets {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const char of text) {
    let part = char.length === 1 && char < '\x80' ? foldAscii(char) : foldText(char);
    // Whitespace runs read once, as foldText does on the whole string.
    while (part.startsWith(' ') && folded.endsWith(' ')) part = part.slice(1);
    for (let k = 0; k < part.length; k++) {
      starts.push(at);
      ends.push(at + char.length);
    }
    folded += part;
    at += char.length;
  }
  return { folded, starts, ends };
}
