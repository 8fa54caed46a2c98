/**
 * How well stated confidences match what happened: a reliability table (confidence bins of equal width,
 * with the mean stated confidence, the share that was right and how many fell in each) and the expected
 * calibration error (ECE: the bins' gaps between stated and observed, weighted by how many fell in each).
 * A model whose "70% sure" is right 70% of the time has an ECE near 0.
 */

/** Probabilities are kept this far from 0 and 1 when scored, so one sure mistake costs much, not infinitely. */
const EPSILON = 1e-6;

/** The mean log loss (natural log) of stated confidences against what happened. */
export function logLoss(points: readonly { confidence: number; right: boolean }[]): number {
  if (points.length === 0) return NaN;
  let sum = 0;
  for (const { confidence, right } of points) {
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, confidence));
    sum -= Math.log(right ? p : 1 - p);
  }
  return sum / points.length;
}

export interface ReliabilityBin {
  /** The bin's bounds: `from` ≤ confidence < `to` (the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  /** Mean stated confidence in the bin (NaN when empty). */
  confidence: number;
  /** Share of the bin's spans that were right (NaN when empty). */
  accuracy: number;
}

export interface Reliability {
  bins: ReliabilityBin[];
  count: number;
  /** Expected calibration error over the bins. */
  ece: number;
  logLoss: number;
  /** Share right over all spans, and the mean stated confidence. */
  accuracy: number;
  confidence: number;
}

export function reliability(points: readonly { confidence: number; right: boolean }[], binCount = 10): Reliability {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, confidence: 0, right: 0 }));
  let right = 0;
  let stated = 0;
  for (const { confidence, right: isRight } of points) {
    const bin = sums[Math.min(binCount - 1, Math.max(0, Math.floor(confidence * binCount)))];
    bin.count++;
    bin.confidence += confidence;
    if (isRight) bin.right++;
    if (isRight) right++;
    stated += confidence;
  }
  const n = points.length;
  const bins = sums.map((s, i) => ({
    from: i / binCount,
    to: (i + 1) / binCount,
    count: s.count,
    confidence: s.count ? s.confidence / s.count : NaN,
    accuracy: s.count ? s.right / s.count : NaN,
  }));
  const ece = n ? bins.reduce((sum, b) => (b.count ? sum + (b.count / n) * Math.abs(b.accuracy - b.confidence) : sum), 0) : NaN;
  return { bins, count: n, ece, logLoss: logLoss(points), accuracy: n ? right / n : NaN, confidence: n ? stated / n : NaN };
}
