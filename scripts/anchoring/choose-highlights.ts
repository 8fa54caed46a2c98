/**
 * Deterministic, spread-out highlights in a page's prose, for robustness runs (jsdom now, a browser
 * later: nothing here needs Node).
 */
import { normalizeWhitespace } from '../../lib/anchoring/normalize';
import type { TextIndex } from '../../lib/anchoring/text-index';

export interface PlannedHighlight {
  start: number;
  end: number;
}

export interface ProseParagraph {
  element: Element;
  start: number;
  end: number;
}

export interface ChooseOptions {
  count: number;
  /** Shortest highlight, in characters. */
  minLength: number;
  /** Characters kept free between highlights, so one highlight's edits stay out of another's context. */
  minGap: number;
  /** Highlight lengths to cycle through (each is capped by the room available). */
  lengths: number[];
  /** Varies where in its slot each highlight starts, per page. */
  seed: string;
}

export const DEFAULT_OPTIONS: Omit<ChooseOptions, 'seed'> = {
  count: 10,
  minLength: 20,
  minGap: 40,
  lengths: [20, 300, 45, 160, 80, 240, 30, 120, 200, 60],
};

/** Paragraphs outside navigation and footers; their text is what readers highlight. */
const NOT_PROSE = 'nav, footer, aside, form, [hidden], [aria-hidden="true"]';

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

export function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

/** Pages with less paragraph text than this (an RFC in <pre>) use preformatted and list text as well. */
const MIN_PROSE = 1000;

/**
 * `<p>` elements with at least a sentence of visible-looking text, with their text-index ranges; on
 * pages with hardly any, `<pre>`, `<li>` and `<blockquote>` elements too.
 */
export function proseParagraphs(index: TextIndex): ProseParagraph[] {
  const found = blocks(index, 'p');
  const total = found.reduce((n, p) => n + p.end - p.start, 0);
  return total >= MIN_PROSE ? found : blocks(index, 'p, pre, li, blockquote');
}

function blocks(index: TextIndex, selector: string): ProseParagraph[] {
  const root = index.root as Element;
  const found: ProseParagraph[] = [];
  for (const element of root.querySelectorAll(selector)) {
    // Nested blocks (a list inside a quote) would be counted twice.
    if (found.length > 0 && found[found.length - 1].element.contains(element)) continue;
    if (element.closest(NOT_PROSE)) continue;
    // Trimmed: indented source puts dozens of spaces around a paragraph, which would skew the slots.
    let start = index.offsetBefore(element);
    let end = index.offsetAfter(element);
    while (start < end && isSpace(index.text[start])) start++;
    while (end > start && isSpace(index.text[end - 1])) end--;
    const words = normalizeWhitespace(index.text.slice(start, end)).trim().split(' ');
    if (end - start >= 40 && words.length >= 6) found.push({ element, start, end });
  }
  return found;
}

/** First word start at or after `from`, before `limit` (the paragraph's start counts); -1 if none. */
function wordStartFrom(text: string, from: number, paragraphStart: number, limit: number): number {
  for (let i = from; i < limit; i++) if (!isSpace(text[i]) && (i === paragraphStart || isSpace(text[i - 1]))) return i;
  return -1;
}

/**
 * Where the third word from `start` ends: highlights get at least three words, so one of them is
 * inside the passage (the word-change modification never touches the first or last word).
 */
function thirdWordEnd(text: string, start: number, paragraphEnd: number): number {
  let words = 0;
  for (let i = start + 1; i <= paragraphEnd; i++) {
    if (!isSpace(text[i - 1]) && (i === paragraphEnd || isSpace(text[i])) && ++words === 3) return i;
  }
  return paragraphEnd;
}

/** The first word end at or after `target` up to `limit`, else the last one before it after `floor`; -1 if none. */
function wordEnd(text: string, target: number, limit: number, floor: number, paragraphEnd: number): number {
  const isEnd = (i: number) => !isSpace(text[i - 1]) && (i === paragraphEnd || isSpace(text[i]));
  for (let i = target; i <= limit; i++) if (isEnd(i)) return i;
  for (let i = Math.min(target, limit); i > floor; i--) if (isEnd(i)) return i;
  return -1;
}

/**
 * Splits the prose into `count` equal slots (by cumulative paragraph length) and puts one highlight in
 * each: starting a seed-dependent way into the slot (or at its start if that leaves no room), snapped
 * to word boundaries, inside one paragraph, and ending at least minGap before the next slot.
 */
export function chooseHighlights(index: TextIndex, options: ChooseOptions): PlannedHighlight[] {
  const { text } = index;
  const paragraphs = proseParagraphs(index);
  const cumulative: number[] = [0];
  for (const p of paragraphs) cumulative.push(cumulative[cumulative.length - 1] + (p.end - p.start));
  const slot = cumulative[cumulative.length - 1] / options.count;
  const seed = hashString(options.seed);
  const chosen: PlannedHighlight[] = [];

  /** A highlight starting at or after cumulative offset `at`, ending before `slotEnd`, or null. */
  const place = (at: number, slotEnd: number, length: number, notBefore: number): PlannedHighlight | null => {
    for (let j = 0; j < paragraphs.length && cumulative[j] < slotEnd; j++) {
      if (cumulative[j + 1] <= at) continue;
      const paragraph = paragraphs[j];
      const from = Math.max(paragraph.start + Math.max(0, at - cumulative[j]), notBefore);
      const start = wordStartFrom(text, Math.ceil(from), paragraph.start, paragraph.end);
      const limit = Math.min(paragraph.end, Math.floor(paragraph.start + (slotEnd - cumulative[j])));
      const target = start < 0 ? -1 : Math.max(start + Math.max(length, options.minLength), thirdWordEnd(text, start, paragraph.end));
      const end = start < 0 ? -1 : wordEnd(text, target, limit, start, paragraph.end);
      const words = start < 0 ? 0 : text.slice(start, end).trim().split(/\s+/).length;
      if (start >= 0 && end - start >= options.minLength && words >= 3) return { start, end };
    }
    return null;
  };

  for (let i = 0; i < options.count; i++) {
    const slotStart = i * slot;
    const slotEnd = (i + 1) * slot - options.minGap;
    const length = Math.min(options.lengths[(i + seed) % options.lengths.length], slotEnd - slotStart);
    const lead = ((seed >>> (i % 24)) % 100) / 100;
    const notBefore = chosen.length > 0 ? chosen[chosen.length - 1].end + options.minGap : 0;
    const highlight =
      place(slotStart + (slotEnd - slotStart - length) * lead * 0.5, slotEnd, length, notBefore) ??
      place(slotStart, slotEnd, length, notBefore);
    if (highlight) chosen.push(highlight);
  }
  return chosen;
}
