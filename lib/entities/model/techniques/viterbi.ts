/**
 * The best tag sequence for one line of tokens under a first-order model (Viterbi): a token's score for a
 * tag is its own features' (`token`) plus those that join the tag before it (`tag`). An `I` only follows a
 * `B` or an `I`. Time: tokens × 4 × 3 (and as much again for the confidences); memory: the line's length. Technique mentions never cross a line
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

/**
 * Writes the best tags of tokens `from`..`to`−1 into `tags`; with `confidence`, on a line with a mention,
 * each token's probability of its tag (forward–backward over the same scores, read as a linear-chain
 * model's log potentials).
 */
export function viterbiLine(from: number, to: number, local: LocalScores, tags: Uint8Array, confidence?: Float64Array): void {
  const n = to - from;
  if (n <= 0) return;
  // joined[(k·BEFORE + previous)·N + tag]: token from+k's score for `tag` after `previous` (−∞ where not allowed).
  const joined = new Float64Array(n * BEFORE * N).fill(-Infinity);
  const own = new Float64Array(N);
  const row = new Float64Array(N);
  for (let k = 0; k < n; k++) {
    const i = from + k;
    own.fill(0);
    local.token(i, own);
    for (let p = k === 0 ? START : O; p <= (k === 0 ? START : I); p++) {
      const previous = p;
      row.set(own);
      local.tag(i, previous, row);
      for (let cur = 0; cur < N; cur++) {
        if (cur === I && previous !== B && previous !== I) continue;
        joined[(k * BEFORE + previous) * N + cur] = row[cur];
      }
    }
  }
  const delta = new Float64Array(n * N).fill(-Infinity);
  const back = new Uint8Array(n * N);
  for (let k = 0; k < n; k++)
    for (let previous = k === 0 ? START : O; previous <= (k === 0 ? START : I); previous++) {
      const before = k === 0 ? 0 : delta[(k - 1) * N + previous];
      if (before === -Infinity) continue;
      for (let cur = 0; cur < N; cur++) {
        const s = before + joined[(k * BEFORE + previous) * N + cur];
        if (s > delta[k * N + cur]) {
          delta[k * N + cur] = s;
          back[k * N + cur] = previous;
        }
      }
    }
  let best = O;
  for (let cur = 1; cur < N; cur++) if (delta[(n - 1) * N + cur] > delta[(n - 1) * N + best]) best = cur;
  for (let k = n - 1; k >= 0; k--) {
    tags[from + k] = best;
    best = back[k * N + best];
  }
  // Confidences are read for mentions only: a line without one (most lines) needs none.
  if (confidence && tags.subarray(from, to).some((tag) => tag !== O)) marginals(n, joined, from, tags, confidence);
}

const BEFORE = N + 1;

function logSumExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const max = Math.max(a, b);
  return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
}

/** Each token's probability of its decoded tag, by forward–backward over `joined`. */
function marginals(n: number, joined: Float64Array, from: number, tags: Uint8Array, confidence: Float64Array): void {
  const alpha = new Float64Array(n * N).fill(-Infinity);
  const beta = new Float64Array(n * N).fill(-Infinity);
  for (let k = 0; k < n; k++)
    for (let previous = k === 0 ? START : O; previous <= (k === 0 ? START : I); previous++) {
      const before = k === 0 ? 0 : alpha[(k - 1) * N + previous];
      for (let cur = 0; cur < N; cur++)
        alpha[k * N + cur] = logSumExp(alpha[k * N + cur], before + joined[(k * BEFORE + previous) * N + cur]);
    }
  for (let cur = 0; cur < N; cur++) beta[(n - 1) * N + cur] = 0;
  for (let k = n - 2; k >= 0; k--)
    for (let cur = 0; cur < N; cur++)
      for (let next = 0; next < N; next++)
        beta[k * N + cur] = logSumExp(beta[k * N + cur], joined[((k + 1) * BEFORE + cur) * N + next] + beta[(k + 1) * N + next]);
  let total = -Infinity;
  for (let cur = 0; cur < N; cur++) total = logSumExp(total, alpha[(n - 1) * N + cur]);
  for (let k = 0; k < n; k++) {
    const tag = tags[from + k];
    confidence[from + k] = Math.exp(alpha[k * N + tag] + beta[k * N + tag] - total);
  }
}

/** The lines of a text's tokens: `[from, to)` ranges, each starting at a token after a line break. */
export function tokenLines(lineStart: Uint8Array, count: number): Int32Array {
  const bounds: number[] = [0];
  for (let i = 1; i < count; i++) if (lineStart[i]) bounds.push(i);
  bounds.push(count);
  return Int32Array.from(bounds);
}
