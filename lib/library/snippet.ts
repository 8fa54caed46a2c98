/**
 * A short piece of a quote or note around the first place the query's words occur, as segments the
 * library renders as plain text and <mark>: never HTML, since the text comes from web pages and users.
 */
import { foldWithOffsets } from './fold-text';
import { parseQuery } from './query';

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export const SNIPPET_LENGTH = 160;
const ELLIPSIS = '…';
/** Hits are looked for this far into a text (a note's length limit): a page-long quote is not folded whole for a snippet. */
const SCAN_LIMIT = 20_000;

type Span = [start: number, end: number];

/** Every occurrence of any word, in original-text offsets, sorted and with overlaps merged. */
function hitSpans(text: string, words: readonly string[]): Span[] {
  if (words.length === 0) return [];
  const { folded, starts, ends } = foldWithOffsets(text.slice(0, SCAN_LIMIT));
  const spans: Span[] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      spans.push([starts[at], ends[at + word.length - 1]]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/**
 * The part of the text to show: all of it if short enough, else `length` characters that begin a little
 * before the first hit, cut at spaces where one is near.
 */
function window(text: string, first: Span | undefined, length: number): Span {
  if (text.length <= length) return [0, text.length];
  let start = 0;
  if (first) {
    const lead = Math.max(0, Math.floor((length - (first[1] - first[0])) / 3));
    start = Math.max(0, first[0] - lead);
    const space = text.slice(start, first[0]).search(/\s/);
    if (start > 0 && space !== -1) start += space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    // Cut at the last space, unless that would lose the first hit or half the room.
    const floor = Math.max(first ? first[1] : start, start + Math.floor(length / 2));
    const lastSpace = /\s\S*$/.exec(text.slice(floor, end + 1));
    if (lastSpace) end = floor + lastSpace.index;
  }
  return [start, end];
}

/**
 * Segments of a snippet of `text` for `query`, hits marked; the text's start when nothing in it matches
 * (the query may have matched the page title or a tag instead). Cut ends carry an ellipsis.
 */
export function snippet(text: string, query: string, length = SNIPPET_LENGTH): SnippetSegment[] {
  if (!text) return [];
  const spans = hitSpans(text, parseQuery(query).words);
  const [start, end] = window(text, spans[0], length);
  const segments: SnippetSegment[] = [];
  const add = (piece: string, hit: boolean): void => {
    if (!piece) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else segments.push({ text: piece, hit });
  };
  if (start > 0) add(ELLIPSIS, false);
  let at = start;
  for (const [from, to] of spans) {
    if (to <= start || from >= end) continue;
    add(text.slice(at, Math.max(at, from)), false);
    add(text.slice(Math.max(at, from), Math.min(to, end)), true);
    at = Math.min(to, end);
  }
  add(text.slice(at, end), false);
  if (end < text.length) add(ELLIPSIS, false);
  return segments;
}
