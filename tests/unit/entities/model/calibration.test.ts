/**
 * What turns the model's class scores into the confidence its details show (`calibration.ts`): the plain
 * softmax is today's number, every calibration is monotone and changes no decision, and a file's
 * calibration is read or refused with a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibratedAt, logOdds, PLAIN_SOFTMAX, readCalibration, softmaxAt, type Calibration } from '@/lib/entities/model/calibration';
import type { EntityModelFile } from '@/lib/entities/model/entity-model';
import { loadEntityData } from '@/lib/entities/shipped-data';

/** Four class scores (none, actor, malware, tool) of the size an averaged perceptron gives. */
const scores = fc.array(fc.double({ min: -60, max: 60, noNaN: true }), { minLength: 4, maxLength: 4 });
const classIndex = fc.integer({ min: 0, max: 3 });
const calibrations: fc.Arbitrary<Calibration> = fc.oneof(
  fc.double({ min: 0.05, max: 50, noNaN: true }).map((temperature) => ({ method: 'temperature' as const, temperature })),
  fc
    .tuple(fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }))
    .map(([slope, offset]) => ({ method: 'platt' as const, slope, offset })),
);
const shipped = readCalibration((loadEntityData().model as EntityModelFile).calibration);

/** The softmax written out the long way, as the model computed its confidence before calibration. */
const todaysSoftmax = (s: number[], at: number) => Math.exp(s[at]) / s.reduce((sum, x) => sum + Math.exp(x), 0);

describe("the model's calibration", () => {
  it("at temperature 1 is today's plain softmax, and so is Platt scaling with slope 1 and offset 0", () => {
    expect(PLAIN_SOFTMAX).toEqual({ method: 'temperature', temperature: 1 });
    expect(calibratedAt(PLAIN_SOFTMAX, [0, 2, 1, -1], 1)).toBeCloseTo(todaysSoftmax([0, 2, 1, -1], 1), 12);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 }), classIndex, (s, at) => {
        expect(calibratedAt(PLAIN_SOFTMAX, s, at)).toBeCloseTo(todaysSoftmax(s, at), 9);
        expect(calibratedAt({ method: 'platt', slope: 1, offset: 0 }, s, at)).toBeCloseTo(todaysSoftmax(s, at), 9);
      }),
    );
  });

  it('is monotone: a higher score for the shown class never reads as less sure', () => {
    fc.assert(
      fc.property(calibrations, scores, classIndex, fc.double({ min: 0, max: 30, noNaN: true }), (calibration, s, at, rise) => {
        const higher = [...s];
        higher[at] += rise;
        expect(calibratedAt(calibration, higher, at)).toBeGreaterThanOrEqual(calibratedAt(calibration, s, at) - 1e-12);
      }),
    );
  });

  it("the shipped one is monotone too, and stays a probability strictly between 0 and 1 on the model's scores", () => {
    let last = -Infinity;
    for (let z = -40; z <= 40; z += 0.5) {
      // The shown class's score rising against fixed others.
      const p = calibratedAt(shipped, [0, z, 1, -2], 1);
      expect(p).toBeGreaterThanOrEqual(last);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      last = p;
    }
  });

  it("changes no decision: the class it is surest of is the scores' highest", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Calibration>(
          PLAIN_SOFTMAX,
          { method: 'temperature', temperature: 7 },
          { method: 'platt', slope: 0.1, offset: 1.2 },
        ),
        scores,
        (calibration, s) => {
          const best = s.indexOf(Math.max(...s));
          const probabilities = s.map((_, c) => calibratedAt(calibration, s, c));
          expect(probabilities[best]).toBe(Math.max(...probabilities));
        },
      ),
    );
  });

  it('softens with temperature: above 1 a sure softmax says less, below 1 more', () => {
    const s = [0, 9, 2, 1];
    expect(softmaxAt(s, 1, 4)).toBeLessThan(softmaxAt(s, 1));
    expect(softmaxAt(s, 1, 0.5)).toBeGreaterThan(softmaxAt(s, 1));
  });

  it("reads the shown class's log-odds against the other classes together", () => {
    // Two classes: the log-odds is the difference of the scores.
    expect(logOdds([1, 4], 1)).toBeCloseTo(3, 12);
    expect(1 / (1 + Math.exp(-logOdds([0, 2, 1, -1], 1)))).toBeCloseTo(todaysSoftmax([0, 2, 1, -1], 1), 12);
  });
});

describe("a model file's calibration", () => {
  it('is the plain softmax when the file has none (files from before calibration)', () => {
    expect(readCalibration(undefined)).toEqual(PLAIN_SOFTMAX);
  });

  it('keeps a valid one, without its record of what it was fitted on', () => {
    expect(readCalibration({ method: 'platt', slope: 0.1, offset: 1.2, fittedOn: 'x' })).toEqual({
      method: 'platt',
      slope: 0.1,
      offset: 1.2,
    });
    expect(readCalibration({ method: 'temperature', temperature: 4 })).toEqual({ method: 'temperature', temperature: 4 });
  });

  it.each([
    ['a temperature of 0', { method: 'temperature', temperature: 0 }],
    ['a negative slope, which would turn confidence upside down', { method: 'platt', slope: -0.1, offset: 0 }],
    ['an offset that is no number', { method: 'platt', slope: 0.1, offset: 'x' }],
    ['an unknown method', { method: 'isotonic' }],
    ['no object at all', 'hot'],
  ])('refuses %s, saying what it must be', (_, value) => {
    expect(() => readCalibration(value)).toThrow(/calibration must be a positive temperature or a Platt scaling with a positive slope/);
  });
});
