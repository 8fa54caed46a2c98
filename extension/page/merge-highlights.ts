import { mergedFields } from '@/lib/storage/merge-annotations';
import type { HighlightColor } from '@/lib/storage/records';
import { sendRequest } from '../send-request';
import type { PageHighlights, PlacedHighlight } from './page-highlights';
import { unionRange } from './selection';

/**
 * Merges a selection and the highlights it overlaps into one highlight over all of them, in `color`,
 * keeping every note and tag (lib/storage/merge-annotations.ts); the parts are deleted once the merged
 * one is stored. Returns how many passages became one and how to take it back, or null if nothing
 * was stored.
 */
export async function mergeHighlights(
  highlights: PageHighlights,
  selection: Range,
  overlapping: PlacedHighlight[],
  color: HighlightColor,
): Promise<{ count: number; undo: () => void } | null> {
  const parts = overlapping.filter((item) => item.range && highlights.get(item.record.id));
  const union = unionRange([selection, ...parts.map((item) => item.range as Range)]);
  const { note, tags } = mergedFields(
    parts.map((item) => item.record),
    color,
  );
  const merged = await highlights.create(union, color, { note, tags });
  if (!merged) return null;
  for (const part of parts) {
    highlights.forget(part.record.id);
    await sendRequest({ type: 'delete-annotation', id: part.record.id });
  }
  const undo = () =>
    void (async () => {
      await sendRequest({ type: 'delete-annotation', id: merged.id });
      for (const part of parts) await sendRequest({ type: 'restore-annotation', record: part.record });
      await highlights.load();
    })();
  return { count: parts.length + 1, undo };
}
