/**
 * Running a long computation in slices with a time budget, so the thread it runs on keeps answering.
 *
 * The background scans article text on the same thread that answers every message (popups, the
 * library, the highlighter). A scan is linear, but a page can still be very long; run whole, its scan
 * would hold every other answer back. So the scan is a generator of steps (one finder each,
 * `EntityScanner.scanSteps`): between steps the slicer lets waiting tasks run, and once the steps have
 * used up the budget it stops and says so, rather than finishing late.
 *
 * Steps run back to back until they have worked a slice's worth (`sliceMs`) since the last pause: a
 * short article's whole scan takes a millisecond or two, and a pause after each of its eight steps cost
 * more than the scan. Browsers hold a timer set from a timer's callback to at least 4 ms once five are
 * nested, so the pauses of one scan added up to 15 ms or so, all waiting.
 */
import type { EntityScanner } from './scan-entities';
import type { Entity } from './types';

export interface SliceBudget {
  /** Most milliseconds of work in all, counted inside the steps only (not the pauses between them). */
  totalMs: number;
  /** The clock; tests pass a fake one. */
  now?: () => number;
  /** Lets waiting tasks run between steps; by default a macrotask, so queued messages are answered. */
  pause?: () => Promise<void>;
  /**
   * Steps go on without a pause until they have taken this many milliseconds since the last one (0, the
   * default: a pause after every step). No task of the scan is then much longer than a slice and a step.
   */
  sliceMs?: number;
}

export type SlicedResult<T> = { done: true; value: T; spentMs: number } | { done: false; spentMs: number };

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs `steps` one at a time with a pause between them. After each step it checks the budget: once
 * the steps so far took `totalMs` or more, it drops the rest and returns `{ done: false }`. A single
 * step is never interrupted, so steps should be short (each finder reads the text once).
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, budget: SliceBudget): Promise<SlicedResult<T>> {
  const now = budget.now ?? (() => performance.now());
  const pause = budget.pause ?? nextTask;
  const sliceMs = budget.sliceMs ?? 0;
  let spentMs = 0;
  let sincePause = 0;
  for (;;) {
    const start = now();
    const step = steps.next();
    const took = now() - start;
    spentMs += took;
    sincePause += took;
    if (step.done) return { done: true, value: step.value, spentMs };
    // The rest of the steps are dropped with the generator.
    if (spentMs >= budget.totalMs) return { done: false, spentMs };
    if (sincePause >= sliceMs) {
      await pause();
      sincePause = 0;
    }
  }
}

/** How much of the background one article's scan may take. */
export interface ScanLimits extends SliceBudget {
  /** Longer texts are not scanned at all. */
  maxChars: number;
}

/**
 * The background's limits. `maxChars` is about four times the longest real article in the fixtures
 * (wikipedia-2, 230,000 characters): the scan is linear, but its longest step (the dictionary search)
 * cannot be cut, and at this length it already takes a few hundred milliseconds. `totalMs` is many
 * times what a real article needs (tens of milliseconds); it stops a scan on a very slow machine, or on
 * text no test foresaw, before the background stops answering.
 */
export const ENTITY_SCAN_LIMITS: ScanLimits = { maxChars: 1_000_000, totalMs: 1_500, sliceMs: 10 };

/** The entities of `text` found in slices within `limits`, or null when the text is too long for them. */
export async function scanWithinLimits(
  scanner: Pick<EntityScanner, 'scanSteps'>,
  text: string,
  limits: ScanLimits = ENTITY_SCAN_LIMITS,
): Promise<Entity[] | null> {
  if (text.length > limits.maxChars) return null;
  const scan = await runInSlices(scanner.scanSteps(text), limits);
  return scan.done ? scan.value : null;
}
