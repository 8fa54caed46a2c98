/**
 * Where the anchoring benchmark puts its highlights: spread evenly over the page's words, 20 to 200
 * characters long, starting at the start of a word and ending at the end of one, the way a reader selects.
 * Seeded, so every run times the same highlights.
 */

export const MIN_QUOTE = 20;
export const MAX_QUOTE = 200;
const SEED = 0x61c8_8647;

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters that are not whitespace, to turn down stretches of layout whitespace with a word at each end. */
function visibleLength(text: string, start: number, end: number): number {
  return text.slice(start, end).replace(/\s+/g, '').length;
}

/** The words of `text` as parallel arrays of start and end offsets. */
function words(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return { starts, ends };
}

/**
 * `count` ranges [start, end) of `text`, in order: the words are cut into `count` equal slices (by word,
 * not by character: pages hold long runs of indentation) and each range starts at a random word of its
 * slice and ends at the word end nearest `length` characters on, within MIN_QUOTE–MAX_QUOTE characters.
 * A slice with no room for one (words far apart in a table, say) leaves its range to a random word anywhere.
 */
export function chooseRanges(text: string, count: number): Array<[number, number]> {
  const random = seeded(SEED);
  const { starts, ends } = words(text);
  const chosen = new Map<number, number>();
  const tryWord = (first: number): boolean => {
    const start = starts[first];
    const length = MIN_QUOTE + Math.floor(random() * (MAX_QUOTE - MIN_QUOTE + 1));
    // The last word end within `length`, or else the first one past MIN_QUOTE.
    let last = first;
    while (last + 1 < ends.length && ends[last + 1] - start <= length) last++;
    while (last + 1 < ends.length && ends[last] - start < MIN_QUOTE) last++;
    const end = ends[last];
    const fits = end - start >= MIN_QUOTE && end - start <= MAX_QUOTE && visibleLength(text, start, end) >= MIN_QUOTE * 0.75;
    if (fits && !chosen.has(start)) chosen.set(start, end);
    return fits;
  };
  const slice = starts.length / count;
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; attempt < 8; attempt++) {
      if (tryWord(Math.floor(i * slice + random() * slice))) break;
    }
  }
  for (let attempt = 0; chosen.size < count && attempt < count * 8; attempt++) tryWord(Math.floor(random() * starts.length));
  return [...chosen].sort((a, b) => a[0] - b[0]);
}
