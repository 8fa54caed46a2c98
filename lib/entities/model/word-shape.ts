/**
 * The shape of a word, the feature that carries best to names never seen: capitals as `X`, lower case
 * as `x`, digits as `d`, other characters as themselves, each run written once (`Storm-1152` → `Xx-d`,
 * `APT28` → `Xd`, `LockBit` → `XxXx`, `ZLoader` → `Xx`).
 */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  for (const ch of word) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else {
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      c = lower !== upper ? (ch === upper ? 'X' : 'x') : ch;
    }
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** Word length in buckets: 1, 2, 3, 4–5, 6–8, 9+. */
export function lengthBucket(word: string): string {
  const n = word.length;
  return n <= 3 ? String(n) : n <= 5 ? '4' : n <= 8 ? '6' : '9';
}
