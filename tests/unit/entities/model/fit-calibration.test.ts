/**
 * Fitting the model's calibration on out-of-fold spans (`fit-calibration.ts`): it finds the calibration that
 * made the outcomes, deterministically; the nested measurement never fits on the fold it scores; and the
 * method is chosen by that nested measurement.
 */
import { describe, expect, it } from 'vitest';
import { calibratedAt, type Calibration } from '@/lib/entities/model/calibration';
import {
  chooseCalibration,
  PLATT_MUST_GAIN,
  fitPlatt,
  fitTemperature,
  nestedMeasure,
  type ScoredSpan,
} from '@/lib/entities/model/fit-calibration';
import { seededRandom } from '@/lib/entities/model/perceptron';

/**
 * Spans whose outcomes follow `truth`: scores of a perceptron's size (the shown class ahead of three others),
 * each span right with the probability `truth` gives it, drawn with a fixed seed.
 */
function spansFrom(truth: Calibration, count: number, seed: number): ScoredSpan[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const scores = [random() * 20, random() * 20, random() * 20, random() * 20];
    const shown = scores.indexOf(Math.max(...scores));
    scores[shown] += random() * 30;
    return { scores, shown, right: random() < calibratedAt(truth, scores, shown) };
  });
}

const dealt = (spans: ScoredSpan[], k = 5) => Array.from({ length: k }, (_, f) => spans.filter((__, i) => i % k === f));

describe('fitting the calibration', () => {
  it('finds the temperature that made the outcomes', () => {
    const fitted = fitTemperature(spansFrom({ method: 'temperature', temperature: 6 }, 4000, 1));
    expect(fitted.method).toBe('temperature');
    expect(fitted.temperature).toBeGreaterThan(5);
    expect(fitted.temperature).toBeLessThan(7);
  });

  it('finds the slope and offset that made the outcomes', () => {
    const fitted = fitPlatt(spansFrom({ method: 'platt', slope: 0.1, offset: 1.2 }, 4000, 2));
    expect(fitted.slope).toBeGreaterThan(0.06);
    expect(fitted.slope).toBeLessThan(0.14);
    expect(fitted.offset).toBeGreaterThan(0.8);
    expect(fitted.offset).toBeLessThan(1.6);
  });

  it('gives the same calibration for the same spans', () => {
    const spans = spansFrom({ method: 'platt', slope: 0.2, offset: 0.5 }, 500, 3);
    expect(fitPlatt(spans)).toEqual(fitPlatt([...spans]));
    expect(fitTemperature(spans)).toEqual(fitTemperature([...spans]));
  });

  it('leaves the plain softmax where every span was right (or every one wrong): nothing to learn from', () => {
    const spans = spansFrom({ method: 'temperature', temperature: 1 }, 50, 4).map((s) => ({ ...s, right: true }));
    expect(fitTemperature(spans)).toEqual({ method: 'temperature', temperature: 1 });
    expect(fitPlatt(spans.map((s) => ({ ...s, right: false })))).toEqual({ method: 'platt', slope: 1, offset: 0 });
  });
});

describe('measuring a calibration the nested way', () => {
  it("fits each fold's calibration on the other folds only", () => {
    const folds = dealt(spansFrom({ method: 'temperature', temperature: 5 }, 1000, 5));
    const measured = nestedMeasure('temperature', folds);
    // Turning every outcome of fold 0 around moves every fold's calibration but fold 0's own.
    const flipped = folds.map((spans, f) => (f === 0 ? spans.map((s) => ({ ...s, right: !s.right })) : spans));
    const again = nestedMeasure('temperature', flipped);
    expect(again.perFold[0]).toEqual(measured.perFold[0]);
    for (let f = 1; f < folds.length; f++) expect(again.perFold[f]).not.toEqual(measured.perFold[f]);
    expect(measured.reliability.count).toBe(1000);
  });

  it('scores other spans of the same folds when asked (one cross-validation of two fitted together)', () => {
    const both = dealt(spansFrom({ method: 'temperature', temperature: 5 }, 1000, 6));
    const half = both.map((spans) => spans.slice(0, 10));
    expect(nestedMeasure('platt', both, half).reliability.count).toBe(50);
  });

  it('chooses Platt scaling where the outcomes have an offset no temperature can make, and lowers the log loss', () => {
    const folds = dealt(spansFrom({ method: 'platt', slope: 0.1, offset: 1.5 }, 2000, 7));
    const { chosen, measured } = chooseCalibration(folds);
    expect(chosen.method).toBe('platt');
    expect(measured.platt.reliability.logLoss).toBeLessThan(measured.temperature.reliability.logLoss);
    expect(measured.platt.reliability.ece).toBeLessThan(0.05);
  });

  it('chooses temperature scaling where a temperature made the outcomes: a second parameter must clearly earn its place', () => {
    const { chosen, measured } = chooseCalibration(dealt(spansFrom({ method: 'temperature', temperature: 5 }, 2000, 8)));
    expect(chosen.method).toBe('temperature');
    expect(measured.platt.reliability.logLoss).toBeGreaterThan(measured.temperature.reliability.logLoss * (1 - PLATT_MUST_GAIN));
  });
});
