import type { ReadingPosition } from '../messaging/contract';
import type { OutlineItem } from './live-outline';

/**
 * Where the reader is taken to be reading: a line this far down the viewport. A heading whose top has
 * passed above it starts the section being read; one just below it (the next section's title, on screen
 * but not yet reached) does not.
 */
export const READING_LINE = 0.25;

/**
 * The IntersectionObserver margin that turns "the heading is above the reading line" into "the heading
 * intersects the root": the root is stretched far up (past any page's length) and ends at the line, so
 * the observer reports exactly when a heading crosses the line, in either direction, however far a
 * jump scrolls (a heading that skips from below the viewport to far above it still changes state).
 */
export function readingLineRootMargin(line = READING_LINE): string {
  const below = Math.round((1 - line) * 100);
  return `10000000px 0px -${below}% 0px`;
}

/** The last heading (in document order) above the reading line, or null while the reader is above the first one. */
export function lastHeadingAbove(above: readonly boolean[]): number | null {
  for (let i = above.length - 1; i >= 0; i--) if (above[i]) return i;
  return null;
}

/**
 * The outline entry of the section being read. The page reports the last heading above the reading line
 * among all of its headings; the outline lists only the article's, so the section is the last outline
 * entry at or before that heading (a sidebar's heading in between does not end the article's section).
 * The reported text must match when the index points at an outline entry, so a page that changed since
 * the outline was read marks nothing rather than the wrong section.
 */
export function currentOutlineIndex(items: readonly OutlineItem[], position: ReadingPosition | null): number | null {
  if (!position) return null;
  let found: number | null = null;
  for (let i = 0; i < items.length; i++) {
    const { liveIndex, text } = items[i];
    if (liveIndex === null) continue;
    if (liveIndex > position.liveIndex) break;
    if (liveIndex === position.liveIndex && text !== position.text) return null;
    found = i;
  }
  return found;
}
