/**
 * What the model's confidence means. An averaged perceptron's class scores are large (sums of many
 * weights), so their plain softmax says ~100% for nearly every span it keeps, right or wrong. A calibration
 * maps the shown class's scores to a probability that the span is right, fitted on out-of-fold scores by
 * `npm run train:entities` (`fit-calibration.ts`) and written into the model file. Either:
 *
 * - temperature scaling (Guo et al. 2017): the softmax of every score divided by one number T;
 * - Platt scaling (Platt 1999): σ(slope · z + offset), z the shown class's log-odds under the plain softmax
 *   (its score against the log-sum-exp of the others').
 *
 * Both are monotone in the shown class's standing and change no decision; the plain softmax is T = 1, or
 * slope 1 and offset 0. They cost a few operations per span the model keeps, nothing per candidate.
 */

export type Calibration = { method: 'temperature'; temperature: number } | { method: 'platt'; slope: number; offset: number };

/** The plain softmax, as before calibration (and for a model file without one). */
export const PLAIN_SOFTMAX: Calibration = { method: 'temperature', temperature: 1 };

/** The probability of class `at` in the softmax of `scores / temperature`. */
export function softmaxAt(scores: ArrayLike<number>, at: number, temperature = 1): number {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += Math.exp((scores[c] - max) / temperature);
  return Math.exp((scores[at] - max) / temperature) / sum;
}

/** Class `at`'s log-odds under the plain softmax: its score against the log-sum-exp of the other classes'. */
export function logOdds(scores: ArrayLike<number>, at: number): number {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (c !== at) max = Math.max(max, scores[c]);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) if (c !== at) sum += Math.exp(scores[c] - max);
  return scores[at] - (max + Math.log(sum));
}

export const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** The calibrated probability that class `at` is right, from the class scores. */
export function calibratedAt(calibration: Calibration, scores: ArrayLike<number>, at: number): number {
  return calibration.method === 'temperature'
    ? softmaxAt(scores, at, calibration.temperature)
    : sigmoid(calibration.slope * logOdds(scores, at) + calibration.offset);
}

const positive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * A calibration as a file or an index stores it, checked: absent is the plain softmax; anything else that is
 * not one is refused with the reason (a negative slope would turn the model's confidence upside down).
 */
export function readCalibration(value: unknown): Calibration {
  if (value === undefined) return PLAIN_SOFTMAX;
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v.method === 'temperature' && positive(v.temperature)) return { method: 'temperature', temperature: v.temperature };
  if (v.method === 'platt' && positive(v.slope) && finite(v.offset)) return { method: 'platt', slope: v.slope, offset: v.offset };
  throw new Error(
    `entity model: the calibration must be a positive temperature or a Platt scaling with a positive slope, not ${JSON.stringify(value)}`,
  );
}
