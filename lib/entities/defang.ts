/**
 * Refanging: threat reports "defang" indicators so nobody clicks them (`hxxp://evil[.]com`,
 * `user[at]mail[.]ru`, `1.2.3[.]4`). Gloss finds indicators in the refanged text and reports them
 * refanged, while mentions keep pointing at the text as written; `refangText` keeps the offset map.
 *
 * Forms undone:
 * - schemes `hxxp`, `hXXp`, `hxxps`, `fxp` (any case) before `:` or `[:`, to `http`, `https`, `ftp`;
 * - `[://]` → `://`, `[:]` → `:`, `[/]` → `/`;
 * - dots `[.]`, `{.}`, `[dot]`, `{dot}` (optionally with one space either side: `evil [.] com`) and
 *   `(.)`, `(dot)` (no spaces: `Austria (at) night` style prose must stay prose);
 * - at signs `[at]`, `[@]`, `{at}`, `{@}` (spaces allowed as for dots) and `(at)`, `(@)`.
 * Dot and at forms count only between two letters or digits, so stray brackets in prose or code stay.
 */

/** One replacement: `[rStart, rEnd)` in the refanged text stands for `[oStart, oEnd)` in the original. */
interface Edit {
  rStart: number;
  rEnd: number;
  oStart: number;
  oEnd: number;
}

export interface RefangedText {
  /** The text with every defanged form undone. */
  text: string;
  /** The original offset of a refanged offset; an offset inside a replacement maps to its start. */
  toOriginal(offset: number): number;
  /** The original offset for a refanged span end; inside a replacement it maps to the replacement's end. */
  toOriginalEnd(offset: number): number;
  /** Whether `[start, end)` of the refanged text touches a defanged form. */
  wasDefanged(start: number, end: number): boolean;
}

// One alternation starting with a literal keeps refanging to a single fast pass; the context rules
// (letters or digits either side, optional spaces) are checked in code.
const DEFANGED = /\b(?<scheme>hxxps?|fxps?)(?=\[?:)|(?<sep>\[:\/\/\]|\[:\]|\[\/\])|(?<mark>[[{(](?:\.|dot|at|@)[\]})])/giu;
const CLOSING: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
const WORD = /[\p{L}\p{N}]/u;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0';

/** `hxxp` → `http`, `hxxps` → `https`, `fxp` → `ftp`; anything else unchanged (lower-cased). */
export function refangScheme(scheme: string): string {
  const lower = scheme.toLowerCase();
  if (/^hxxps?$/.test(lower)) return `http${lower.slice(4)}`;
  if (/^fxps?$/.test(lower)) return `ftp${lower.slice(3)}`;
  return lower;
}

/** The original span a defanged form covers and what replaces it, or undefined when it is prose. */
function replacement(text: string, m: RegExpMatchArray): { start: number; end: number; by: string } | undefined {
  const g = m.groups ?? {};
  const start = m.index!;
  const end = start + m[0].length;
  if (g.scheme !== undefined) return { start, end, by: refangScheme(m[0]) };
  if (g.sep !== undefined) return { start, end, by: g.sep.slice(1, -1) };
  const mark = g.mark!;
  if (CLOSING[mark[0]] !== mark[mark.length - 1]) return undefined;
  // Spaces around a mark only for square and curly brackets: "Austria (at) night" is prose.
  const spaced = mark[0] !== '(';
  const from = spaced && isSpace(text[start - 1]) ? start - 1 : start;
  const to = spaced && isSpace(text[end]) ? end + 1 : end;
  if (!WORD.test(text[from - 1] ?? '') || !WORD.test(text[to] ?? '')) return undefined;
  const inner = mark.slice(1, -1).toLowerCase();
  return { start: from, end: to, by: inner === '.' || inner === 'dot' ? '.' : '@' };
}

/** The refanged text and a map back to the original offsets (see `RefangedText`). */
export function refangText(original: string): RefangedText {
  const edits: Edit[] = [];
  const pieces: string[] = [];
  let from = 0;
  let length = 0;
  for (const m of original.matchAll(DEFANGED)) {
    const r = replacement(original, m);
    if (!r || r.start < from) continue;
    pieces.push(original.slice(from, r.start), r.by);
    length += r.start - from;
    edits.push({ rStart: length, rEnd: length + r.by.length, oStart: r.start, oEnd: r.end });
    length += r.by.length;
    from = r.end;
  }
  if (edits.length === 0) {
    return { text: original, toOriginal: (i) => i, toOriginalEnd: (i) => i, wasDefanged: () => false };
  }
  pieces.push(original.slice(from));

  /** Index of the last edit starting at or before `offset`, or -1. */
  const editAt = (offset: number): number => {
    let lo = 0;
    let hi = edits.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (edits[mid].rStart <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const map = (offset: number, isEnd: boolean): number => {
    // An end offset equal to an edit's start belongs to the text before it.
    const k = editAt(isEnd ? offset - 1 : offset);
    if (k < 0) return offset;
    const e = edits[k];
    if (offset >= e.rEnd) return e.oEnd + (offset - e.rEnd);
    if (offset <= e.rStart) return e.oStart;
    return isEnd ? e.oEnd : e.oStart;
  };
  return {
    text: pieces.join(''),
    toOriginal: (offset) => map(offset, false),
    toOriginalEnd: (offset) => map(offset, true),
    wasDefanged: (start, end) => {
      const k = editAt(end - 1);
      return k >= 0 && edits[k].rEnd > start;
    },
  };
}

/** `text` with every defanged form undone. */
export function refang(text: string): string {
  return refangText(text).text;
}

/** Whether `text` contains a defanged form. */
export function isDefanged(text: string): boolean {
  return refangText(text).text !== text;
}
