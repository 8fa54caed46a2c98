/**
 * The group a definite "the group" points back to: "Lockfall denied the arrests. Mandiant, which tracks the
 * group as UNC5812, said…" names Lockfall again. It is the last threat actor the text named before, close by
 * (`REACH`), with no new group introduced in between ("a second gang", "another group"), which "the group"
 * would then mean instead.
 */

/** How far back, in characters, "the group" reaches: about two sentences. */
const REACH = 400;
/** A new group introduced between the two: "a new gang", "another group", "a second threat actor". */
const NEW_GROUP = /\b(?:an?|another|one)[\s\u00a0]+(?:[\w-]+[\s\u00a0]+){0,2}?(?:group|gang|crew|actor|cluster|collective)s?\b/i;

/** Where in `known` (indices into `spans`, in text order) the first span ending after `offset` is: a binary search. */
export function firstEndingAfter(spans: readonly { end: number }[], known: readonly number[], offset: number): number {
  let lo = 0;
  let hi = known.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[known[mid]].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Placed {
  start: number;
  end: number;
  kind: 'actor' | 'software';
}

/**
 * Among `known` (indices into `spans`, in text order), the last actor that ends before `spans[at]` starts, if it
 * is close enough and nothing between introduces another group.
 */
export function previousGroup(text: string, spans: readonly Placed[], known: readonly number[], at: number): number | undefined {
  const start = spans[at].start;
  for (let k = firstEndingAfter(spans, known, start) - 1; k >= 0; k--) {
    const head = spans[known[k]];
    if (start - head.end > REACH) return undefined;
    if (head.kind !== 'actor') continue;
    return NEW_GROUP.test(text.slice(head.end, start)) ? undefined : known[k];
  }
  return undefined;
}
