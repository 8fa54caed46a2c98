/**
 * A long list shown a few items at a time: the first `limit` items (all once expanded), how many more
 * "Show all (n)" would add, and whether the list is long enough to offer it at all. A list only one
 * item longer than the limit is shown whole, since a button in place of a single item saves nothing.
 */
export function previewList<T>(
  items: readonly T[],
  limit: number,
  expanded: boolean,
): { shown: readonly T[]; hidden: number; collapsible: boolean } {
  const collapsible = items.length > limit + 1;
  if (expanded || !collapsible) return { shown: items, hidden: 0, collapsible };
  const shown = items.slice(0, Math.max(0, limit));
  return { shown, hidden: items.length - shown.length, collapsible };
}
