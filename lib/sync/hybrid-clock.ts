/**
 * A hybrid logical clock (Kulkarni et al., 2014): stamps follow the wall clock when it moves forward, and
 * a counter when it does not (two changes in one millisecond, or a device whose clock runs behind one it
 * has heard from). A stamp is newer than every stamp its device had seen when it made it, so "newest
 * change wins" never depends on two machines' clocks agreeing.
 *
 * Stamps are fixed-width strings that sort as they compare: milliseconds, counter, then the device id,
 * which breaks ties between devices deterministically.
 */

export type Stamp = string;

const WALL_WIDTH = 11; // base-36 milliseconds: enough until the year 5188
const COUNTER_WIDTH = 5;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

/** A device id: 16 lower-case hexadecimal characters, random (nothing about the machine). */
export const DEVICE_ID = /^[0-9a-f]{16}$/;
const STAMP = /^[0-9a-z]{11}\.[0-9a-z]{5}\.[0-9a-f]{16}$/;

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && STAMP.test(value);
}

export function newDeviceId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function encodeStamp(wall: number, counter: number, device: string): Stamp {
  return `${wall.toString(36).padStart(WALL_WIDTH, '0')}.${counter.toString(36).padStart(COUNTER_WIDTH, '0')}.${device}`;
}

export function decodeStamp(stamp: Stamp): { wall: number; counter: number; device: string } {
  const [wall, counter, device] = stamp.split('.');
  return { wall: parseInt(wall, 36), counter: parseInt(counter, 36), device };
}

export class HybridClock {
  private wall: number;
  private counter: number;

  /** `last` is the newest stamp this device issued or saw (kept across restarts). */
  constructor(
    readonly device: string,
    last: Stamp | null = null,
    private readonly now: () => number = Date.now,
  ) {
    if (!DEVICE_ID.test(device)) throw new Error(`"${device}" is not a device id.`);
    const seen = last === null ? { wall: 0, counter: 0 } : decodeStamp(last);
    this.wall = seen.wall;
    this.counter = seen.counter;
  }

  /** A stamp newer than any this clock issued or observed. */
  tick(): Stamp {
    const wall = Math.max(this.now(), this.wall);
    this.counter = wall === this.wall ? this.counter + 1 : 0;
    this.wall = wall;
    if (this.counter > MAX_COUNTER) {
      // 60 million changes in one millisecond: move to the next one rather than wrap.
      this.wall += 1;
      this.counter = 0;
    }
    return encodeStamp(this.wall, this.counter, this.device);
  }

  /** Takes in a stamp from another device, so later local stamps are newer than it. */
  observe(stamp: Stamp): void {
    const seen = decodeStamp(stamp);
    if (seen.wall > this.wall || (seen.wall === this.wall && seen.counter > this.counter)) {
      this.wall = seen.wall;
      this.counter = seen.counter;
    }
  }

  /** The newest stamp issued or observed, to keep. */
  last(): Stamp {
    return encodeStamp(this.wall, this.counter, this.device);
  }
}
