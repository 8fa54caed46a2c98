/**
 * The best tag sequence for one line of tokens under a first-order model (Viterbi): a token's score for a
 * tag is its own features' (`token`) plus those that join the tag before it (`tag`). An `I` only follows a
 * `B` or an `I`. Time: tokens × 4 × 3; memory: the line's length. Technique mentions never cross a line
 * (none of AnnoCTR's 699 does), so each line is decoded on its own and the tag before its first token is
 * START.
 */
import { B, I, O, START, TAGS } from './technique-tags';

export interface LocalScores {
  /** Adds token `i`'s own scores per tag into `out`. */
  token(i: number, out: Float64Array): void;
  /** Adds the scores of the features joining tag `previous` before token `i` into `out`. */
  tag(i: number, previous: number, out: Float64Array): void;
}

const N = TAGS.length;

/** Writes the best tags of tokens `from`..`to`−1 into `tags`, and the local softmax of each into `confidence`. */
export function viterbiLine(from: number, to: number, local: LocalScores, tags: Uint8Array, confidence?: Float64Array): void {
  const n = to - from;
  if (n <= 0) return;
  const delta = new Float64Array(n * N);
  const back = new Uint8Array(n * N);
  const own = new Float64Array(N);
  const joined = new Float64Array(N);
  for (let k = 0; k < n; k++) {
    const i = from + k;
    own.fill(0);
    local.token(i, own);
    for (let cur = 0; cur < N; cur++) delta[k * N + cur] = -Infinity;
    const previousTags = k === 0 ? [START] : [O, B, I];
    for (const previous of previousTags) {
      const before = k === 0 ? 0 : delta[(k - 1) * N + previous];
      if (before === -Infinity) continue;
      joined.set(own);
      local.tag(i, previous, joined);
      for (let cur = 0; cur < N; cur++) {
        if (cur === I && previous !== B && previous !== I) continue;
        const s = before + joined[cur];
        if (s > delta[k * N + cur]) {
          delta[k * N + cur] = s;
          back[k * N + cur] = previous;
        }
      }
    }
  }
  let best = O;
  for (let cur = 1; cur < N; cur++) if (delta[(n - 1) * N + cur] > delta[(n - 1) * N + best]) best = cur;
  for (let k = n - 1; k >= 0; k--) {
    tags[from + k] = best;
    best = back[k * N + best];
  }
  if (!confidence) return;
  // How sure each decision is: the softmax of its tag scores given the tag chosen before it.
  for (let k = 0; k < n; k++) {
    const i = from + k;
    joined.fill(0);
    local.token(i, joined);
    local.tag(i, k === 0 ? START : tags[i - 1], joined);
    confidence[i] = softmaxAt(joined, tags[i]);
  }
}

export function softmaxAt(scores: ArrayLike<number>, best: number): number {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += Math.exp(scores[c] - max);
  return Math.exp(scores[best] - max) / sum;
}

/** The lines of a text's tokens: `[from, to)` ranges, each starting at a token after a line break. */
export function tokenLines(lineStart: Uint8Array, count: number): Int32Array {
  const bounds: number[] = [0];
  for (let i = 1; i < count; i++) if (lineStart[i]) bounds.push(i);
  bounds.push(count);
  return Int32Array.from(bounds);
}
