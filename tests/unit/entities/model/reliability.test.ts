/** The reliability table, expected calibration error and log loss (`reliability.ts`). */
import { describe, expect, it } from 'vitest';
import { logLoss, reliability } from '@/lib/entities/model/reliability';

const points = (confidence: number, right: number, wrong: number) => [
  ...Array.from({ length: right }, () => ({ confidence, right: true })),
  ...Array.from({ length: wrong }, () => ({ confidence, right: false })),
];

describe('reliability', () => {
  it('has no calibration error where "70% sure" is right 7 times in 10 and "90%" 9 in 10', () => {
    const r = reliability([...points(0.7, 7, 3), ...points(0.9, 9, 1)]);
    expect(r.ece).toBeCloseTo(0, 12);
    expect(r.bins[7]).toMatchObject({ from: 0.7, count: 10, accuracy: 0.7 });
    expect(r.bins[7].confidence).toBeCloseTo(0.7, 12);
    expect(r.bins[9]).toMatchObject({ count: 10, accuracy: 0.9 });
    expect(r.bins[0].count).toBe(0);
    expect(r.bins[0].accuracy).toBeNaN();
  });

  it('weights each bin\'s gap by its share: "99% sure" right half the time, on a quarter of the spans', () => {
    const r = reliability([...points(0.99, 1, 1), ...points(0.5, 3, 3)]);
    expect(r.ece).toBeCloseTo(0.25 * 0.49, 12);
    expect(r.accuracy).toBe(0.5);
    expect(r.count).toBe(8);
  });

  it('puts a confidence of exactly 1 in the last bin', () => {
    expect(reliability(points(1, 1, 0)).bins[9].count).toBe(1);
  });

  it('scores the log loss in nats, a sure mistake costing much but not infinitely', () => {
    expect(logLoss(points(0.5, 1, 1))).toBeCloseTo(Math.log(2), 12);
    expect(logLoss(points(0.8, 1, 0))).toBeCloseTo(-Math.log(0.8), 12);
    const sureMistake = logLoss(points(1, 0, 1));
    expect(Number.isFinite(sureMistake)).toBe(true);
    expect(sureMistake).toBeGreaterThan(10);
    expect(logLoss([])).toBeNaN();
  });
});
