/**
 * Fitting the model's calibration (`calibration.ts`) on out-of-fold spans: each fold's kept spans scored
 * by a model trained on the other folds, a span right when a labelled mention of its kind has exactly its
 * bounds. Temperature scaling and Platt scaling are each fitted by minimising the log loss of the shown
 * confidence; which one ships is chosen by a nested measurement (for each fold, fitted on the other folds'
 * spans, scored on the fold's own), never on the numbers it was fitted on. Deterministic: the same spans
 * give the same calibration.
 */
import { calibratedAt, logOdds, sigmoid, type Calibration } from './calibration';
import { logLoss, reliability, type Reliability } from './reliability';

/** A kept span's class scores, the class whose probability is shown, and whether the span was right. */
export interface ScoredSpan {
  scores: ArrayLike<number>;
  shown: number;
  right: boolean;
}

/** The shown confidences of `spans` under `calibration`, with their outcomes. */
export const calibratedSpans = (spans: readonly ScoredSpan[], calibration: Calibration) =>
  spans.map((s) => ({ confidence: calibratedAt(calibration, s.scores, s.shown), right: s.right }));

/** Nothing to learn when every span was right or every one wrong: any extreme "fits", and says nothing of new text. */
const uninformative = (spans: readonly ScoredSpan[]) => {
  const rights = spans.filter((s) => s.right).length;
  return rights === 0 || rights === spans.length;
};

/** Three significant digits: the file stays readable, and a rounding never moves the loss measurably. */
const round = (x: number) => Number(x.toPrecision(3));

/** Temperatures tried: 0.1 to 1,000, evenly on a log scale, before refining around the best. */
const LOG_LOW = Math.log(0.1);
const LOG_HIGH = Math.log(1000);
const GRID = 200;

/** The temperature minimising the log loss: a grid over log T, then golden-section search around its best point. */
export function fitTemperature(spans: readonly ScoredSpan[]): Calibration & { method: 'temperature' } {
  if (uninformative(spans)) return { method: 'temperature', temperature: 1 };
  const loss = (logT: number) => logLoss(calibratedSpans(spans, { method: 'temperature', temperature: Math.exp(logT) }));
  const step = (LOG_HIGH - LOG_LOW) / GRID;
  let best = 0;
  let bestLoss = Infinity;
  for (let i = 0; i <= GRID; i++) {
    const l = loss(LOG_LOW + i * step);
    if (l < bestLoss) [best, bestLoss] = [i, l];
  }
  let lo = LOG_LOW + Math.max(0, best - 1) * step;
  let hi = LOG_LOW + Math.min(GRID, best + 1) * step;
  const golden = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = hi - golden * (hi - lo);
    const b = lo + golden * (hi - lo);
    if (loss(a) <= loss(b)) hi = b;
    else lo = a;
  }
  return { method: 'temperature', temperature: round(Math.exp((lo + hi) / 2)) };
}

/**
 * Platt scaling, σ(slope · z + offset) over the plain log-odds z, minimising the log loss by Newton's method,
 * each step halved until it lowers the loss (from the plain softmax, slope 1 and offset 0). The slope is
 * kept positive, so the calibration stays monotone: a surer score never reads as less sure.
 */
export function fitPlatt(spans: readonly ScoredSpan[]): Calibration & { method: 'platt' } {
  if (uninformative(spans)) return { method: 'platt', slope: 1, offset: 0 };
  const z = spans.map((s) => logOdds(s.scores, s.shown));
  const y = spans.map((s) => (s.right ? 1 : 0));
  const loss = (a: number, b: number) => logLoss(z.map((zi, i) => ({ confidence: sigmoid(a * zi + b), right: y[i] === 1 })));
  let [a, b] = [1, 0];
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let [ga, gb, haa, hab, hbb] = [0, 0, 1e-9, 0, 1e-9];
    z.forEach((zi, i) => {
      const p = sigmoid(a * zi + b);
      const w = p * (1 - p);
      ga += (p - y[i]) * zi;
      gb += p - y[i];
      haa += w * zi * zi;
      hab += w * zi;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    let [da, db] = det > 1e-12 ? [(hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det] : [ga, gb];
    let next = Infinity;
    for (let halvings = 0; halvings < 50; halvings++, da /= 2, db /= 2) {
      if (a - da <= 0) continue;
      next = loss(a - da, b - db);
      if (next < current) break;
    }
    if (!(next < current)) break;
    [a, b] = [a - da, b - db];
    const gain = current - next;
    current = next;
    if (gain < 1e-12) break;
  }
  return { method: 'platt', slope: round(a), offset: round(b) };
}

export const FITTERS = { temperature: fitTemperature, platt: fitPlatt } as const;
export type CalibrationMethod = keyof typeof FITTERS;

/** One method measured the nested way: each fold's spans under the calibration fitted on the other folds. */
export interface NestedMeasure {
  method: CalibrationMethod;
  /** Per fold, what was fitted on the other folds. */
  perFold: Calibration[];
  /** Every fold's spans, each under its fold's calibration. */
  points: { confidence: number; right: boolean }[];
  reliability: Reliability;
}

/** `method` measured the nested way over `byFold` (spans per fold), scored on `scoredOn` (default: the same spans). */
export function nestedMeasure(
  method: CalibrationMethod,
  byFold: readonly (readonly ScoredSpan[])[],
  scoredOn: readonly (readonly ScoredSpan[])[] = byFold,
): NestedMeasure {
  const points: { confidence: number; right: boolean }[] = [];
  const perFold = byFold.map((_, f) => {
    const fitted = FITTERS[method](byFold.filter((__, g) => g !== f).flat());
    points.push(...calibratedSpans(scoredOn[f], fitted));
    return fitted;
  });
  return { method, perFold, points, reliability: reliability(points) };
}

/**
 * Platt scaling has a second parameter; it ships only when clearly better: a nested log loss lower than
 * temperature scaling's by more than this share (anything less is within what one fold's spans move it).
 */
export const PLATT_MUST_GAIN = 0.02;

/**
 * The calibration to ship: temperature scaling, or Platt scaling where its nested log loss is clearly lower
 * (`PLATT_MUST_GAIN`), fitted on every fold's spans.
 */
export function chooseCalibration(byFold: readonly (readonly ScoredSpan[])[]): {
  chosen: Calibration;
  measured: Record<CalibrationMethod, NestedMeasure>;
} {
  const measured = { temperature: nestedMeasure('temperature', byFold), platt: nestedMeasure('platt', byFold) };
  return { chosen: FITTERS[preferredMethod(measured)](byFold.flat()), measured };
}

/** Platt scaling where its nested log loss is clearly lower than temperature scaling's, else temperature scaling. */
export const preferredMethod = (measured: Record<CalibrationMethod, NestedMeasure>): CalibrationMethod =>
  measured.platt.reliability.logLoss < measured.temperature.reliability.logLoss * (1 - PLATT_MUST_GAIN) ? 'platt' : 'temperature';
