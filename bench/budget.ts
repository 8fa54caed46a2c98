/**
 * How long a browser-side benchmark keeps going, shared by the page-side entries (bench/entries/) and
 * the runners (bench/runners/): warm-up by count and by time (each page is a fresh V8 context, so code
 * tiers up again on every page), then measuring by count and by time, with a cap so slow work does not
 * run for ever.
 */

/**
 * At least `warmups` rounds and `warmupMs` milliseconds of warm-up, then at least `runs` rounds and
 * `measureMs` milliseconds of measuring; never more than `maxRuns` rounds for either.
 */
export interface Budget {
  warmups: number;
  warmupMs: number;
  runs: number;
  measureMs: number;
  maxRuns: number;
}

/** Calls `round` until the count and the time are both reached, or the cap is. */
export function repeat(minCount: number, minMs: number, maxCount: number, round: () => void): void {
  const start = performance.now();
  let count = 0;
  while (count < maxCount && (count < minCount || performance.now() - start < minMs)) {
    round();
    count++;
  }
}

/** Warms up with `round`, then calls it again for each measured round. */
export function warmThenMeasure(budget: Budget, round: (measured: boolean) => void): void {
  repeat(budget.warmups, budget.warmupMs, budget.maxRuns, () => round(false));
  repeat(budget.runs, budget.measureMs, budget.maxRuns, () => round(true));
}
