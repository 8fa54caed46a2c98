/**
 * preact/hooks runs effects after the next frame, with a 35 ms timer beside the frame; that timer calls
 * `cancelAnimationFrame`, which jsdom's teardown removes from the globals. An effect scheduled by a file's
 * last render (outside `act`, by a promise that settles late) would then throw after the file is done:
 * "cancelAnimationFrame is not defined", an unhandled error that fails the whole run. So a jsdom file
 * ends with a pause longer than that timer, which Node then fires first (timers run in order of expiry).
 */
import { afterAll } from 'vitest';

const PREACT_FRAME_TIMER_MS = 35;

afterAll(async () => {
  if (typeof window === 'undefined') return;
  await new Promise((resolve) => setTimeout(resolve, PREACT_FRAME_TIMER_MS * 3));
});
