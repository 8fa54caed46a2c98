import type { HighlightColor } from '@/lib/storage/records';
import { mergeWithUndo } from '../highlighting/merge-with-undo';
import type { PageHighlights, PlacedHighlight } from './page-highlights';
import { pageHighlightPlaces } from './page-highlight-places';

/**
 * Merges a selection and the highlights it overlaps into one highlight over all of them, with Undo
 * (extension/highlighting/merge-with-undo.ts). What is the page's own: only the overlapped highlights still
 * placed on the page take part, each at the range it had when the toolbar was offered. Null if nothing was stored.
 */
export async function mergeHighlights(
  highlights: PageHighlights,
  selection: Range,
  overlapping: PlacedHighlight[],
  color: HighlightColor,
): Promise<{ count: number; undo: () => void } | null> {
  const parts = overlapping.flatMap((item) =>
    item.range && highlights.get(item.record.id) ? [{ record: item.record, place: item.range }] : [],
  );
  return mergeWithUndo(pageHighlightPlaces(highlights), selection, parts, color);
}
