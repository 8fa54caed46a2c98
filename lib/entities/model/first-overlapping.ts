/** A range of text: where a mention or a candidate span starts and ends. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * The index of the first range in `sorted` that overlaps `span`, or -1. `sorted` is sorted by start and its
 * ranges never overlap one another, so it is sorted by end too, and a binary search finds the place.
 */
export function firstOverlapping(sorted: readonly TextRange[], span: TextRange): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < span.end ? lo : -1;
}
