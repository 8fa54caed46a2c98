/**
 * A page's note in an Obsidian vault, written by Gloss and then the reader's. Gloss owns one block of
 * it, between its start and end lines (vault-markers.ts): the title, the highlights and the actors.
 * Everything else (the front matter, once written, and whatever the reader writes above or below the
 * block) is the reader's, and an update keeps it byte for byte. When the markers are missing, doubled,
 * out of order or edited, Gloss cannot tell its text from the reader's, so it changes nothing and says
 * why.
 */
import { GLOSS_BLOCK_END, GLOSS_BLOCK_START, markerKind } from './vault-markers';

/** What merging a fresh export into a note comes to: the note's new text, or why it was left alone. */
export type VaultNoteMerge = { outcome: 'updated' | 'unchanged'; text: string } | { outcome: 'skipped'; reason: string };

/** pageMarkdown's output split into its front matter (`---` lines included) and the rest. */
export interface SplitNote {
  frontMatter: string;
  body: string;
}

/**
 * Splits an exported note after its front matter. Gloss writes every front matter value quoted on one
 * line (yaml.ts), so the first `---` line after the opening one is the closing fence.
 */
export function splitFrontMatter(markdown: string): SplitNote {
  if (!markdown.startsWith('---\n')) return { frontMatter: '', body: markdown.trim() };
  const close = markdown.indexOf('\n---\n', 3);
  if (close === -1) return { frontMatter: '', body: markdown.trim() };
  return { frontMatter: markdown.slice(0, close + 4), body: markdown.slice(close + 5).trim() };
}

/** Gloss's block holding `body`, with `eol` between lines. */
function glossBlock(body: string, eol: string): string {
  const lines = [GLOSS_BLOCK_START, ...body.split('\n'), GLOSS_BLOCK_END];
  return lines.join(eol);
}

/** A new note for the vault: the export's front matter, then Gloss's block holding the rest. */
export function newVaultNote(markdown: string): string {
  const { frontMatter, body } = splitFrontMatter(markdown);
  const block = glossBlock(body, '\n');
  return frontMatter ? `${frontMatter}\n\n${block}\n` : `${block}\n`;
}

interface Line {
  /** 1-based, for messages. */
  number: number;
  start: number;
  /** Where the line's text ends, before its line break. */
  end: number;
  kind: ReturnType<typeof markerKind>;
}

const LINE_BREAK = /\r\n|\n|\r/g;
const GLOSS_WORD = /gloss/i;

/** The line ending the file uses first (CRLF for a note saved on Windows), "\n" when it has none. */
function lineEnding(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match ? match[0] : '\n';
}

/** The marker lines of a note (and any that look like one), with where they are. */
function markerLines(text: string): Line[] {
  const found: Line[] = [];
  let start = 0;
  let number = 1;
  const visit = (end: number) => {
    // Most lines are not markers; only those holding "gloss" are looked at.
    const line = text.slice(start, end);
    const kind = GLOSS_WORD.test(line) ? markerKind(line) : null;
    if (kind) found.push({ number, start, end, kind });
  };
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    visit(match.index);
    start = match.index + match[0].length;
    number++;
  }
  visit(text.length);
  return found;
}

const START_SHOWN = '<!-- gloss:start … -->';
const KEEP_SAFE = 'Gloss left the note as it is, so nothing you wrote is lost.';

/** Why a note's markers do not fence one block, or null when they do. */
function markerProblem(lines: readonly Line[]): string | null {
  const mangled = lines.find((line) => line.kind === 'mangled');
  if (mangled) {
    return `line ${mangled.number} looks like one of Gloss’s markers but is neither "${START_SHOWN}" nor "${GLOSS_BLOCK_END}". ${KEEP_SAFE} Restore the line as it was, or delete it.`;
  }
  const starts = lines.filter((line) => line.kind === 'start');
  const ends = lines.filter((line) => line.kind === 'end');
  if (starts.length === 0 && ends.length === 0) {
    return `it has no Gloss block (the lines "${START_SHOWN}" and "${GLOSS_BLOCK_END}" are gone). ${KEEP_SAFE} Put the two lines back around the part Gloss may rewrite, or move the note out of the folder to get a new one.`;
  }
  if (starts.length !== 1 || ends.length !== 1) {
    const count = (n: number, what: string) => (n === 0 ? `no ${what} line` : n === 1 ? `one ${what} line` : `${n} ${what} lines`);
    const where = [...starts, ...ends]
      .map((line) => line.number)
      .sort((a, b) => a - b)
      .join(', ');
    return `it has ${count(starts.length, 'gloss:start')} and ${count(ends.length, 'gloss:end')} (lines ${where}); Gloss needs exactly one of each. ${KEEP_SAFE}`;
  }
  if (ends[0].start < starts[0].start) {
    return `its gloss:end line (line ${ends[0].number}) comes before its gloss:start line (line ${starts[0].number}). ${KEEP_SAFE}`;
  }
  return null;
}

/**
 * The note with Gloss's block replaced by a fresh export's (front matter aside: once written, it is the
 * reader's). Text before the start line and after the end line stays exactly as it was, line endings
 * included; the block is written with the line ending the file already uses. 'unchanged' when the
 * block already says the same.
 */
export function mergeVaultNote(existing: string, markdown: string): VaultNoteMerge {
  const lines = markerLines(existing);
  const problem = markerProblem(lines);
  if (problem) return { outcome: 'skipped', reason: problem };
  const start = lines.find((line) => line.kind === 'start')!;
  const end = lines.find((line) => line.kind === 'end')!;
  const block = glossBlock(splitFrontMatter(markdown).body, lineEnding(existing));
  const text = `${existing.slice(0, start.start)}${block}${existing.slice(end.end)}`;
  return { outcome: text === existing ? 'unchanged' : 'updated', text };
}
