import { mergedFields } from '@/lib/storage/merge-annotations';
import type { HighlightColor } from '@/lib/storage/records';
import { sendRequest } from '../send-request';
import type { PdfHighlights } from './pdf-highlights';

/**
 * Merges a selection of document text and the highlights it overlaps into one highlight over all of them,
 * in `color`, keeping every note and tag (lib/storage/merge-annotations.ts), as on web pages
 * (extension/page/merge-highlights.ts) but in document offsets. Returns how many passages became one and
 * how to take it back.
 */
export async function mergePdfHighlights(
  highlights: PdfHighlights,
  selection: { start: number; end: number },
  color: HighlightColor,
): Promise<{ count: number; undo: () => void }> {
  const parts = highlights.touching(selection.start, selection.end).overlapping;
  const start = Math.min(selection.start, ...parts.map((part) => part.start));
  const end = Math.max(selection.end, ...parts.map((part) => part.end));
  const { note, tags } = mergedFields(
    parts.map((part) => part.record),
    color,
  );
  const merged = await highlights.create(start, end, color, { note, tags });
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
