import { mergedFields } from '@/lib/storage/merge-annotations';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { sendRequest } from '../send-request';
import type { HighlightPlaces } from './highlight-places';

/** A highlight a selection overlaps, and where it sits. */
export interface MergePart<Place> {
  record: AnnotationRecord;
  place: Place;
}

/**
 * Merges a selection and the highlights it overlaps into one highlight over all of them, in `color`,
 * keeping every note (in page order) and tag (lib/storage/merge-annotations.ts). The parts are deleted
 * only once the merged one is stored, so a failure loses nothing. Returns how many passages became one
 * and how to take it back (delete the merged one, restore the parts), or null if nothing was stored.
 */
export async function mergeWithUndo<Place>(
  highlights: HighlightPlaces<Place>,
  selection: Place,
  parts: readonly MergePart<Place>[],
  color: HighlightColor,
): Promise<{ count: number; undo: () => void } | null> {
  const union = highlights.union([selection, ...parts.map((part) => part.place)]);
  const { note, tags } = mergedFields(
    parts.map((part) => part.record),
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
