import { describe, expect, it } from 'vitest';
import { decodeStamp, HybridClock } from '@/lib/sync/hybrid-clock';

describe('HybridClock', () => {
  it('issues increasing stamps even when the wall clock stands still or goes back', () => {
    let now = 1_000;
    const clock = new HybridClock('00000000000000aa', null, () => now);
    const first = clock.tick();
    const second = clock.tick();
    now = 500;
    const third = clock.tick();
    expect(first < second && second < third).toBe(true);
    expect(decodeStamp(third)).toEqual({ wall: 1_000, counter: 2, device: '00000000000000aa' });
  });

  it('orders later local changes after what it has seen from a device whose clock runs ahead', () => {
    const behind = new HybridClock('00000000000000aa', null, () => 1_000);
    const ahead = new HybridClock('00000000000000bb', null, () => 9_000);
    const remote = ahead.tick();
    behind.observe(remote);
    expect(behind.tick() > remote).toBe(true);
  });

  it('breaks ties by device id, and keeps going from the last stamp it kept', () => {
    const a = new HybridClock('00000000000000aa', null, () => 5).tick();
    const b = new HybridClock('00000000000000bb', null, () => 5).tick();
    expect(a < b).toBe(true);
    const resumed = new HybridClock('00000000000000aa', a, () => 1);
    expect(resumed.tick() > a).toBe(true);
  });
});
