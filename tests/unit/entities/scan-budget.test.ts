/**
 * The background's scan runs in slices with a time budget. The clock here is a fake one that the steps
 * advance, so nothing depends on how fast the machine is.
 */
import { describe, expect, it } from 'vitest';
import { ENTITY_SCAN_LIMITS, runInSlices, scanWithinLimits } from '@/lib/entities/scan-budget';
import { createEntityScanner, runSteps } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';

/** A clock that only moves when a step says it took time. */
function fakeClock() {
  let time = 0;
  return {
    now: () => time,
    spend: (ms: number) => {
      time += ms;
    },
  };
}

/** Steps that take the given milliseconds each and then return how many ran. */
function* steps(clock: ReturnType<typeof fakeClock>, durations: number[], ran: number[]): Generator<void, number, void> {
  for (const [i, ms] of durations.entries()) {
    clock.spend(ms);
    ran.push(i);
    if (i < durations.length - 1) yield;
  }
  return ran.length;
}

describe('runInSlices', () => {
  it('runs every step, pausing between them, when they fit the budget', async () => {
    const clock = fakeClock();
    const ran: number[] = [];
    let pauses = 0;
    const result = await runInSlices(steps(clock, [100, 200, 300], ran), {
      totalMs: 1_000,
      now: clock.now,
      pause: async () => {
        pauses++;
      },
    });
    expect(result).toEqual({ done: true, value: 3, spentMs: 600 });
    expect(pauses).toBe(2);
  });

  it('stops before the next step once the budget is used up', async () => {
    const clock = fakeClock();
    const ran: number[] = [];
    const result = await runInSlices(steps(clock, [400, 400, 400, 400], ran), { totalMs: 1_000, now: clock.now, pause: async () => {} });
    expect(result).toEqual({ done: false, spentMs: 1_200 });
    expect(ran).toEqual([0, 1, 2]);
  });

  it('counts only the time inside steps, not the pauses where other work runs', async () => {
    const clock = fakeClock();
    const ran: number[] = [];
    // Other tasks take 10 s between the steps; the scan's own work is 300 ms.
    const result = await runInSlices(steps(clock, [100, 100, 100], ran), {
      totalMs: 1_000,
      now: clock.now,
      pause: async () => clock.spend(10_000),
    });
    expect(result).toEqual({ done: true, value: 3, spentMs: 300 });
  });

  it('runs steps back to back until they have worked a slice, then pauses', async () => {
    const clock = fakeClock();
    const ran: number[] = [];
    const pausedAfter: number[] = [];
    // Slices of 10 ms: 3 + 4 (7, go on) + 5 (12, pause) + 1 + 1 + 9 (11, pause) + 2 (done).
    const result = await runInSlices(steps(clock, [3, 4, 5, 1, 1, 9, 2], ran), {
      totalMs: 1_000,
      sliceMs: 10,
      now: clock.now,
      pause: async () => {
        pausedAfter.push(ran.length);
      },
    });
    expect(result).toEqual({ done: true, value: 7, spentMs: 25 });
    expect(pausedAfter).toEqual([3, 6]);
  });

  it('keeps to the total budget when it pauses only between slices', async () => {
    const clock = fakeClock();
    const ran: number[] = [];
    let pauses = 0;
    const result = await runInSlices(steps(clock, [4, 4, 4, 4, 4, 4], ran), {
      totalMs: 10,
      sliceMs: 100,
      now: clock.now,
      pause: async () => {
        pauses++;
      },
    });
    expect(result).toEqual({ done: false, spentMs: 12 });
    expect(ran).toEqual([0, 1, 2]);
    expect(pauses).toBe(0);
  });

  it("the background does not pause a short article's scan, and pauses a long one's after every step", async () => {
    const scanner = createEntityScanner(loadEntityData());
    const short = 'Storm-1152 exploited CVE-2023-4966 against servers in Germany; Microsoft tracks it.';
    const count = async (text: string, spendPerStep: number) => {
      const clock = fakeClock();
      let pauses = 0;
      function* timed() {
        const real = scanner.scanSteps(text);
        for (let step = real.next(); !step.done; step = real.next()) {
          clock.spend(spendPerStep);
          yield;
        }
      }
      await runInSlices(timed(), { ...ENTITY_SCAN_LIMITS, now: clock.now, pause: async () => void pauses++ });
      return pauses;
    };
    // A short article: every step well under a millisecond. A long one: every step longer than a slice.
    expect(await count(short, 0.2)).toBe(0);
    expect(await count(short, ENTITY_SCAN_LIMITS.sliceMs!)).toBeGreaterThanOrEqual(7);
  });

  it('lets a task queued meanwhile run before the scan goes on (the default pause is a macrotask)', async () => {
    const clock = fakeClock();
    const order: string[] = [];
    function* work(): Generator<void, void, void> {
      order.push('first step');
      setTimeout(() => order.push('a message answered'), 0);
      yield;
      order.push('second step');
    }
    await runInSlices(work(), { totalMs: 1_000, now: clock.now });
    expect(order).toEqual(['first step', 'a message answered', 'second step']);
  });
});

describe('scanWithinLimits', () => {
  const scanner = createEntityScanner(loadEntityData());
  const text = 'Storm-1152 exploited CVE-2023-4966 against servers in Germany; Microsoft tracks it.';

  it('finds what the scanner finds in one go, within the limits', async () => {
    expect(await scanWithinLimits(scanner, text, { maxChars: 1_000, totalMs: 60_000 })).toEqual(scanner.findEntities(text));
  });

  it('gives up (null) on a text over the length limit, without scanning it', async () => {
    const refuse = {
      scanSteps: () => {
        throw new Error('scanned');
      },
    };
    expect(await scanWithinLimits(refuse, text, { maxChars: text.length - 1, totalMs: 60_000 })).toBeNull();
  });

  it('gives up (null) when the steps use up the time budget', async () => {
    const clock = fakeClock();
    // Every finder seems to take 100 ms: the budget of 250 ms is gone after the third step.
    const slow = {
      *scanSteps(input: string) {
        const real = scanner.scanSteps(input);
        for (let step = real.next(); !step.done; step = real.next()) {
          clock.spend(100);
          yield;
        }
        return [];
      },
    };
    expect(await scanWithinLimits(slow, text, { maxChars: 1_000, totalMs: 250, now: clock.now })).toBeNull();
    expect(clock.now()).toBe(300);
  });

  it('runs the same steps as findEntities', () => {
    expect(runSteps(scanner.scanSteps(text))).toEqual(scanner.findEntities(text));
  });
});
