/**
 * Lines of a report's reference list: a footnote ("[1] ESET, A1, April 2018, Sednit update: Analysis of
 * Zebrocy") or a dated reading list ("October 2017 – Leviathan: Espionage actor spearphishes maritime
 * targets"). The names in those titles are other reports' subjects, cited, not actors this report
 * talks about, and annotators mostly leave them out: on AnnoCTR's train and dev reports, 7 of the 10
 * actor names the rules found in such lines were not marked.
 *
 * `findReferenceLines` reads the text once: one global pass over line starts (a line is entered only at
 * its start, `^` with the `m` flag, so nothing is retried inside a line) and one `indexOf` per
 * reference line for its end. `inRanges` answers for a mention by binary search.
 */

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?`;
/**
 * A reference line's start: bullets or quote marks, then a footnote number in brackets ("[1]", or the
 * Markdown link "[[1]](#_ftnref1)"; captured, as it must also cite), or a month and year followed by a
 * dash ("October 2017 –").
 */
const REFERENCE_START = new RegExp(
  String.raw`^[ \t>*•-]{0,6}(?:(\[{1,2}\d{1,3}\]{1,2}(?:\(#[^)\s]{0,40}\))?[ \t\u00a0])|${MONTH}(?:[ \t\u00a0]\d{1,2},?)?[ \t\u00a0]\d{4}[ \t\u00a0]{1,3}[–—-])`,
  'gm',
);
/** A footnote that cites: a year soon after its number ("ESET, A1, April 2018, …"), not a note ("To note, …"). */
const CITES = /^[^\n]{0,80}?\b(?:19|20)\d\d\b/;

export interface TextRange {
  start: number;
  end: number;
}

/** The reference-list lines of `text`, in order. */
export function findReferenceLines(text: string): TextRange[] {
  const lines: TextRange[] = [];
  for (const m of text.matchAll(REFERENCE_START)) {
    if (m[1] && !CITES.test(text.slice(m.index + m[0].length, m.index + m[0].length + 100))) continue;
    const end = text.indexOf('\n', m.index);
    lines.push({ start: m.index, end: end < 0 ? text.length : end });
  }
  return lines;
}

/** Whether `[start, end)` lies inside one of the sorted, non-overlapping `ranges`. */
export function inRanges(ranges: readonly TextRange[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo].start <= start && end <= ranges[lo].end;
}
