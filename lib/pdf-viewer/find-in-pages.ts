/**
 * Find-in-document over the pages' text. Each page's text is its text items' strings, with a line break
 * after each item that ends a line: the same characters the text layer shows (its <br> counting as the
 * line break), so a match's offsets point straight into the text layer.
 *
 * Case is folded one UTF-16 unit at a time, keeping each unit whose lower case is longer (the dotted
 * capital I), and every kind of white space counts as a space, so "threat actor" is found across a line
 * break. Folding keeps the length, so folded offsets equal the original ones. A plain indexOf scan:
 * linear in the text for a given query, whatever the page contains.
 */

export interface PageMatch {
  /** 0-based page index. */
  page: number;
  start: number;
  end: number;
}

/** Beyond this many matches the find bar says "1000+"; marking more helps nobody. */
export const MATCH_LIMIT = 1000;

const WHITE_SPACE = /\s/;

export function foldForFind(text: string): string {
  const units: string[] = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    if (WHITE_SPACE.test(unit)) {
      units[i] = ' ';
    } else {
      const lower = unit.toLowerCase();
      units[i] = lower.length === 1 ? lower : unit;
    }
  }
  return units.join('');
}

/** Every match of `query` in the pages, in document order, up to `limit`; none for an empty or blank query. */
export function findInPages(pageTexts: readonly (string | null)[], query: string, limit = MATCH_LIMIT): PageMatch[] {
  const needle = foldForFind(query);
  if (needle.trim() === '') return [];
  const matches: PageMatch[] = [];
  for (let page = 0; page < pageTexts.length; page++) {
    const text = pageTexts[page];
    if (!text) continue;
    const haystack = foldForFind(text);
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ page, start: at, end: at + needle.length });
      if (matches.length >= limit) return matches;
    }
  }
  return matches;
}

/** The match to show after `current` (wrapping), or the first match on or after `fromPage` when there is none yet. */
export function stepMatch(count: number, current: number | null, direction: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The first match on or after `page`, where a new search starts. */
export function firstMatchFrom(matches: readonly PageMatch[], page: number): number | null {
  if (matches.length === 0) return null;
  const index = matches.findIndex((match) => match.page >= page);
  return index === -1 ? 0 : index;
}
