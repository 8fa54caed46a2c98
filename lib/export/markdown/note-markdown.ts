/**
 * The reader's own note as Markdown, kept as written. Unlike quotes (page text, which may be hostile and
 * is escaped in escape.ts), a note is the reader's: its wikilinks, emphasis, lists, code, tags and
 * links are meant to work in Obsidian, so it passes through. Only what would reach past the note and
 * break the exported file's structure is guarded:
 *
 * - a heading of level 1 or 2 (`#`, `##`, or a line of `=` or `-` under text), which would end the
 *   "Highlights" section and put the highlights after it under the reader's heading;
 * - a line of only `-` or `=`, the shape of a front-matter fence and of a Setext underline;
 * - a line that looks like one of Gloss's block markers (vault-block.ts), which would cut the block
 *   Gloss rewrites in a vault note;
 * - an Obsidian block id in Gloss's namespace (`^gloss-…`), which would take a quote's id;
 * - anything left open at the note's end that would swallow the rest of the file: a code fence (closed
 *   after the note), an HTML block that needs an end tag it never gets, an odd `%%` (Obsidian comment)
 *   or `$$` (maths block).
 *
 * A guard is a backslash in front of the character that would act, so the text still shows as written.
 * Inside a fenced code block nothing is guarded but marker lines: code shows as typed.
 */
import { cleanText } from './escape';
import { looksLikeGlossMarker } from './vault-markers';

/** A fence opening: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^( {0,3})(`{3,}|~{3,})/;
/** An ATX heading of level 1 or 2 ("# a", "##", "  ## b"); "#tag" (no space) is an Obsidian tag and passes. */
const SECTION_HEADING = /^( {0,3})(#{1,2})(?=[ \t]|$)/;
/** A line of only "=" or "-": a Setext underline after text, a front-matter fence or a rule elsewhere. */
const UNDERLINE_OR_FENCE = /^( {0,3})(=+|-+)[ \t]*$/;
/** "^gloss-…" at the end of a line (after a space or at its start): an Obsidian block id in Gloss's namespace. */
const GLOSS_BLOCK_ID = /(^|[ \t])\^(?=gloss-[A-Za-z0-9-]*[ \t]*$)/i;

/**
 * HTML blocks that end only at a given text (CommonMark's HTML block kinds 1 to 5), by their start at a
 * line's beginning. Left open, they run to the end of the file and hide or garble everything after.
 */
const HTML_BLOCKS: { start: RegExp; end: string }[] = [
  { start: /^ {0,3}<script(?=[\s>]|$)/i, end: '</script>' },
  { start: /^ {0,3}<pre(?=[\s>]|$)/i, end: '</pre>' },
  { start: /^ {0,3}<style(?=[\s>]|$)/i, end: '</style>' },
  { start: /^ {0,3}<textarea(?=[\s>]|$)/i, end: '</textarea>' },
  { start: /^ {0,3}<!--/, end: '-->' },
  { start: /^ {0,3}<\?/, end: '?>' },
  { start: /^ {0,3}<!\[CDATA\[/, end: ']]>' },
  { start: /^ {0,3}<![A-Za-z]/, end: '>' },
];

interface Fence {
  marker: string;
  length: number;
}

/** The fence a line opens, if any (a backtick fence's info string may hold no backtick). */
function openingFence(line: string): Fence | null {
  const match = FENCE.exec(line);
  if (!match) return null;
  const run = match[2];
  if (run[0] === '`' && line.slice(match[0].length).includes('`')) return null;
  return { marker: run[0], length: run.length };
}

/** Whether a line closes `fence`: the same character, at least as many, nothing after but spaces. */
function closesFence(line: string, fence: Fence): boolean {
  const match = FENCE.exec(line);
  return match !== null && match[2][0] === fence.marker && match[2].length >= fence.length && line.slice(match[0].length).trim() === '';
}

/** A backslash before the first character that is not a leading space. */
function escapeFirst(line: string): string {
  const indent = line.length - line.trimStart().length;
  return `${line.slice(0, indent)}\\${line.slice(indent)}`;
}

/**
 * Guards an HTML block start that never ends. `lastEnd` holds, per block kind, where the text's last
 * end marker starts (lower-cased search), so each check is one comparison: linear however many lines.
 */
function guardOpenHtml(line: string, lineStart: number, lastEnd: readonly number[]): string {
  for (let i = 0; i < HTML_BLOCKS.length; i++) {
    const match = HTML_BLOCKS[i].start.exec(line);
    if (match) return lastEnd[i] >= lineStart + match[0].length ? line : escapeFirst(line);
  }
  return line;
}

/** A line outside code, with each guard applied. */
function guardLine(line: string, lineStart: number, lastEnd: readonly number[]): string {
  if (looksLikeGlossMarker(line)) return escapeFirst(line);
  if (SECTION_HEADING.test(line) || UNDERLINE_OR_FENCE.test(line)) return escapeFirst(line);
  let guarded = line.includes('<') ? guardOpenHtml(line, lineStart, lastEnd) : line;
  if (guarded.includes('^')) guarded = guarded.replace(GLOSS_BLOCK_ID, '$1\\^');
  return guarded;
}

/**
 * Escapes the last of an odd number of `pair` ("%%" or "$$") outside code, which would otherwise open a
 * comment or formula that runs to the end of the file. Counted left to right, as Obsidian pairs them.
 */
function closeUnpaired(lines: string[], inCode: readonly boolean[], pair: string): void {
  let count = 0;
  let last: { line: number; at: number } | null = null;
  lines.forEach((line, i) => {
    if (inCode[i] || !line.includes(pair)) return;
    for (let at = line.indexOf(pair); at !== -1; at = line.indexOf(pair, at + 2)) {
      // An escaped first character ("\%%", as guards write) is no opener.
      if (at > 0 && line[at - 1] === '\\') continue;
      count++;
      last = { line: i, at };
    }
  });
  if (count % 2 === 0 || last === null) return;
  const { line, at } = last as { line: number; at: number };
  const text = lines[line];
  lines[line] = `${text.slice(0, at)}\\${pair[0]}\\${pair[1]}${text.slice(at + 2)}`;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * The note as Markdown to put between a highlight's link and its tags, or '' for an empty note. Lines
 * are kept as written (indentation included, so nested lists and indented code work); blank lines at
 * either end go, and runs of blank lines outside code become one.
 */
export function markdownNote(text: string): string {
  const clean = cleanText(text);
  if (isBlank(clean)) return '';
  const lower = clean.toLowerCase();
  const lastEnd = HTML_BLOCKS.map(({ end }) => lower.lastIndexOf(end));
  const lines: string[] = [];
  const inCode: boolean[] = [];
  let fence: Fence | null = null;
  let lineStart = 0;
  for (const line of clean.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    if (fence) {
      // Code shows as typed; only a marker line, which would cut Gloss's block in a vault note, is guarded.
      lines.push(looksLikeGlossMarker(line) ? escapeFirst(line) : line);
      inCode.push(true);
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (isBlank(line)) {
      if (lines.length > 0 && !isBlank(lines[lines.length - 1])) {
        lines.push('');
        inCode.push(false);
      }
      continue;
    }
    fence = openingFence(line);
    lines.push(fence ? line : guardLine(line, start, lastEnd));
    inCode.push(fence !== null);
  }
  while (lines.length > 0 && isBlank(lines[lines.length - 1]) && !inCode[lines.length - 1]) {
    lines.pop();
    inCode.pop();
  }
  // A fence left open would make everything after the note code: close it.
  if (fence) {
    lines.push(fence.marker.repeat(fence.length));
    inCode.push(true);
  }
  closeUnpaired(lines, inCode, '%%');
  closeUnpaired(lines, inCode, '$$');
  return lines.join('\n').trimEnd();
}
