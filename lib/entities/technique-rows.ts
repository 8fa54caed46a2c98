/**
 * The shapes in which threat reports map what they describe to ATT&CK, and the span a reader (and
 * AnnoCTR's annotators) takes as the technique in each:
 *
 * - a table row, `| T1078 | Valid Accounts | …`, or an aligned column, `T1083      File and directory
 *   discovery`: the id and the cell after it, whatever that cell says ("T1105 | Remote File Copy" is
 *   ATT&CK's old name, "T1071  Uses web protocols" the report's own words): the id settles the technique;
 * - an id written as a link, `[T1014](https://attack.mitre.org/…) Rootkit`: the id, the link and the
 *   name after it;
 * - an id and name inside a cell or a link's text, `[T1041: Exfiltration Over C2 Channel](…)`: up to the
 *   end of the name;
 * - an HTML table as a page's text gives it, one cell a line (`T1078\n    Valid Accounts\n`): the id alone
 *   on its line and the next line;
 * - a row whose next cell says what an actor does with the technique, `| T1078 | Valid Accounts |
 *   Leviathan uses valid accounts to reach VPN services |` (ATT&CK's own "procedure examples" read the
 *   same way): the whole row from the id, the actor's name inside it (see `extendOverProcedures`).
 *
 * Everything here reads a bounded stretch of one line after an id, with anchored regular expressions
 * over slices of bounded length; where a line starts and ends comes from one pass over the text
 * (`TextLines`): linear in the text.
 */
import type { Entity, Mention } from './types';

/** The longest name cell taken after an id: a cell longer than this is prose, not a name. */
const MAX_NAME_CELL = 100;
const MAX_NAME_WORDS = 12;
/** The longest link target skipped after an id written as a link. */
const MAX_LINK = 300;
/** The longest description cell taken into a procedure row. */
const MAX_PROCEDURE_CELL = 300;

/** After the id (and its link): a table bar, with Markdown bold around it. */
const BAR = /^[ \t\u00a0]*(?:\*\*[ \t\u00a0]*)?\|[ \t\u00a0]*(?:\*\*[ \t\u00a0]*)?/;
/** After the id: an aligned column (two or more spaces, no-break spaces included, or a tab). */
const COLUMN = /^(?:[ \u00a0]{2,}|[ \u00a0]*\t)[ \t\u00a0]*/;
/** After the id, inside a cell or a link's text: a colon. */
const COLON = /^[ \t\u00a0]*:[ \t\u00a0]*/;
/**
 * After an id alone on its line: the line break and the next line's indent, as an HTML table's cells
 * come out in a page's text ("T1078\n      Valid Accounts\n"); at most one blank line between.
 */
const NEXT_LINE = /^[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)?[ \t\u00a0]*/;
const BLANK = /^[ \t\u00a0|*]*$/;
/** After an id written as a link: a space, then the name. */
const SPACE = /^[ \t\u00a0]+/;

/**
 * The lines of a text, for the start and end of the line holding any offset in logarithmic time: one
 * pass finds the line breaks, so asking for every id's line stays linear in the text however long its
 * lines are.
 */
export class TextLines {
  private readonly breaks: number[] = [];
  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.breaks.push(at);
  }
  /** The index in `breaks` of the first line break at or after `at`. */
  private next(at: number): number {
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breaks[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  start(at: number): number {
    const i = this.next(at);
    return i === 0 ? 0 : this.breaks[i - 1] + 1;
  }
  end(at: number): number {
    const i = this.next(at);
    return i < this.breaks.length ? this.breaks[i] : this.text.length;
  }
  /** Whether the line holding `at` is a table row (`| … |`). */
  isTableRow(at: number): boolean {
    const start = this.start(at);
    return /^[ \t\u00a0]*\|/.test(this.text.slice(start, start + 40));
  }
}

/**
 * Where the technique's span ends when the id at [idStart, idEnd) starts a row, a column or a linked
 * name; undefined when the id stands alone in running text.
 */
export function rowNameEnd(text: string, idStart: number, idEnd: number, lines: TextLines): number | undefined {
  const lineEnd = lines.end(idEnd);
  const inRow = lines.isTableRow(idStart);
  const inBrackets = idStart > 0 && text[idStart - 1] === '[';
  let at = idEnd;
  let linked = false;
  if (text.startsWith('](', at)) {
    const target = text.slice(at + 2, Math.min(lineEnd, at + 2 + MAX_LINK));
    const close = target.indexOf(')');
    if (close < 0 || /\s/.test(target.slice(0, close))) return undefined;
    at += 2 + close + 1;
    linked = true;
  }
  while (text.startsWith('**', at)) at += 2;
  const rest = text.slice(at, Math.min(lineEnd, at + 40));
  let separator: RegExpExecArray | null = null;
  let stopAtColumn = false;
  if ((separator = BAR.exec(rest)) && (inRow || linked)) {
    // a bar: the next cell
  } else if ((separator = COLUMN.exec(rest)) && !linked && !inBrackets) {
    stopAtColumn = true;
  } else if ((separator = COLON.exec(rest)) && (inRow || inBrackets)) {
    // "[T1041: Exfiltration Over C2 Channel](…)", "| T1105: Ingress Tool Transfer |"
  } else if ((separator = SPACE.exec(rest)) && linked) {
    // "[T1215](…) Kernel Modules and Extensions"
  } else if (
    !linked &&
    !inBrackets &&
    isAloneOnLine(text, idStart, lineEnd, lines) &&
    (separator = NEXT_LINE.exec(text.slice(at, at + 80)))
  ) {
    // an HTML table's row in the page's text: the id's cell, then the name's on the next line
    const start = at + separator[0].length;
    return nameCellEnd(text, start, Math.min(lines.end(start), start + MAX_NAME_CELL + 1), true);
  } else return undefined;
  const start = at + separator[0].length;
  return nameCellEnd(text, start, Math.min(lineEnd, start + MAX_NAME_CELL + 1), stopAtColumn);
}

/** Whether the id is all its line holds, but for indentation, bars and bold marks (a cell of its own). */
function isAloneOnLine(text: string, idStart: number, lineEnd: number, lines: TextLines): boolean {
  const lineStart = lines.start(idStart);
  if (idStart - lineStart > 40 || lineEnd - idStart > 60) return false;
  const idEnd = idStart + (/^T1\d{3}(?:[./]\d{3})?/.exec(text.slice(idStart, idStart + 9))?.[0].length ?? 0);
  return BLANK.test(text.slice(lineStart, idStart)) && BLANK.test(text.slice(idEnd, lineEnd));
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\u00a0';

/** The end of the name cell starting at `start` (before a bar, a bracket, a link or the line's end). */
function nameCellEnd(text: string, start: number, limit: number, stopAtColumn: boolean): number | undefined {
  let end = start;
  while (end < limit) {
    const c = text[end];
    if (c === '|' || c === ']' || c === '[' || (c === '(' && text.startsWith('(http', end))) break;
    if (stopAtColumn && (c === '\t' || (isSpace(c) && isSpace(text[end + 1])))) break;
    end++;
  }
  if (end - start > MAX_NAME_CELL) return undefined;
  while (end > start && /[\s*]/.test(text[end - 1])) end--;
  const cell = text.slice(start, end);
  if (!/^\p{L}/u.test(cell) || cell.split(/\s+/).length > MAX_NAME_WORDS) return undefined;
  return end;
}

/**
 * The cell after a row's name cell: its start and end, trimmed (undefined outside a table row). `acrossLines`:
 * the row is an HTML table's as the page's text gives it, one cell a line.
 */
export function nextCell(text: string, nameEnd: number, lines: TextLines, acrossLines = false): { start: number; end: number } | undefined {
  let start: number;
  if (acrossLines) {
    // an HTML table's row: the next cell is the next line
    const separator = NEXT_LINE.exec(text.slice(nameEnd, nameEnd + 80));
    if (!separator) return undefined;
    start = nameEnd + separator[0].length;
  } else {
    if (!lines.isTableRow(nameEnd)) return undefined;
    const separator = BAR.exec(text.slice(nameEnd, Math.min(lines.end(nameEnd), nameEnd + 40)));
    if (!separator) return undefined;
    start = nameEnd + separator[0].length;
  }
  const lineEnd = lines.end(start);
  const cell = text.slice(start, Math.min(lineEnd, start + MAX_PROCEDURE_CELL + 1));
  const bar = cell.indexOf('|');
  if (bar < 0 && cell.length > MAX_PROCEDURE_CELL) return undefined;
  let end = start + (bar < 0 ? cell.length : bar);
  while (end > start && /[\s*]/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/**
 * A cell that opens with the group, or a pronoun for what the row is about, as its subject: "The group
 * uses…", "The attackers…", "It uses valid accounts…".
 */
const WORDS_AS_SUBJECT = /^(?:(?:the|this)[ \t]+(?:threat[ \t]+)?(?:group|actors?|attackers?|adversary|operators?)|it|they)[ \t]+\p{Ll}/iu;
/** What follows a name that is not its verb ("Quasar and NETWIRE both…", "Winnti's…"): the name is not the subject. */
const NOT_A_VERB = /^[ \t]+(?:and|or|both|of|in|on|at|for|with|to|from|by|as|the|a|an)(?![\p{L}\p{N}])/iu;

/**
 * A technique's row whose next cell is a procedure, what an actor or its malware does ("Leviathan uses
 * valid accounts to…", "The group uses…", "Winnti creates a new service…"), is one mention from the id to the end of that cell, as ATT&CK's procedure
 * examples read and as threat reports' mapping tables are labelled: the actor's name inside is part of
 * the technique's description, not a separate mention (the longer mention wins in `settleOverlaps`).
 * A cell that only describes ("Self delete", "User opens pdf file.") leaves the mention as it was.
 * `names` are the actor, malware and tool mentions the rules found in the text ("Winnti creates a new
 * service…" is the same shape whichever the text takes Winnti for).
 */
export function extendOverProcedures(text: string, techniques: readonly Entity[], names: readonly Mention[]): Entity[] {
  const subjects = new Map(names.map((m) => [m.start, m]));
  const lines = new TextLines(text);
  return techniques.map((entity) => {
    let changed = false;
    const mentions = entity.mentions.map((mention) => {
      const cell = nextCell(text, mention.end, lines, /^T1\d{3}/.test(mention.text) && mention.text.includes('\n'));
      if (!cell) return mention;
      const subject = subjects.get(cell.start);
      const after = subject ? text.slice(subject.end, subject.end + 12) : '';
      const bySubject = subject !== undefined && /^[ \t]+\p{L}/u.test(after) && !NOT_A_VERB.test(after);
      if (!bySubject && !WORDS_AS_SUBJECT.test(text.slice(cell.start, cell.start + 60))) return mention;
      changed = true;
      return { start: mention.start, end: cell.end, text: text.slice(mention.start, cell.end) };
    });
    return changed ? { ...entity, mentions, foundBy: { ...entity.foundBy, rules: { ...entity.foundBy?.rules, row: true } } } : entity;
  });
}
