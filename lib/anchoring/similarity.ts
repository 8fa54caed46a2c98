/**
 * Small edit-distance helpers for scoring candidates. They run on short strings (a 32-character context,
 * one quote against one stretch of text), so a plain two-row dynamic programme is fast enough.
 */

/**
 * The last row of the edit-distance table of `a` (rows) against `b` (columns). With `freeStart`, row 0
 * is all zeros, so the match of `a` may start anywhere in `b`; otherwise it must start at b's start.
 */
function lastRow(a: string, b: string, freeStart: boolean): Uint32Array {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  if (!freeStart) for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous;
}

/** Levenshtein distance between a and b. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  return lastRow(a, b, false)[b.length];
}

/**
 * Edit distance between `pattern` and the text that ends exactly at the end of `text`, starting
 * wherever suits best. This is how well a stored prefix fits the text just before a candidate: the prefix
 * must end where the candidate starts, but a few extra or missing characters at its far end should cost
 * only what they are.
 */
export function distanceEndingAt(pattern: string, text: string): number {
  if (pattern.length === 0) return 0;
  return lastRow(pattern, text, true)[text.length];
}

function reverse(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}

/** Edit distance between `pattern` and the text that starts exactly at the start of `text`. */
export function distanceStartingAt(pattern: string, text: string): number {
  return distanceEndingAt(reverse(pattern), reverse(text));
}

/**
 * Raw similarity of two contexts in [0, 1]: 1 minus the edit distance over the stored context's length.
 * Unrelated prose still scores around 0.3 to 0.45 (any two English snippets share letters and spaces),
 * which is why the scorer rescales it before use.
 */
export function prefixSimilarity(expected: string, before: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - distanceEndingAt(expected, before) / expected.length);
}

export function suffixSimilarity(expected: string, after: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - distanceStartingAt(expected, after) / expected.length);
}
