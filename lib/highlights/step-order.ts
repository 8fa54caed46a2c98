/**
 * Which highlight N and P go to. Highlights are in document order; stepping wraps around at either
 * end, so a reader can go round them all with one key.
 */
export function stepIndex(count: number, current: number, direction: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/**
 * Where stepping starts when nothing is focused yet: the first highlight whose top is in the view (or
 * below it, if none is), so the shortcut starts from what the reader is looking at; the last one when
 * all are above the view.
 */
export function firstInView(tops: readonly number[], viewportHeight: number): number {
  if (tops.length === 0) return -1;
  const visible = tops.findIndex((top) => top >= 0 && top < viewportHeight);
  if (visible >= 0) return visible;
  const below = tops.findIndex((top) => top >= viewportHeight);
  return below >= 0 ? below : tops.length - 1;
}
