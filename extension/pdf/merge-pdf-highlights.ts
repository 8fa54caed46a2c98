import type { HighlightColor } from '@/lib/storage/records';
import { mergeWithUndo } from '../highlighting/merge-with-undo';
import type { PdfHighlights } from './pdf-highlights';
import { pdfHighlightPlaces, type DocumentSpan } from './pdf-highlight-places';

/**
 * Merges a selection of document text and the highlights it overlaps into one highlight over all of them,
 * with Undo (extension/highlighting/merge-with-undo.ts), as on web pages but in document offsets. What is the
 * viewer's own: the overlapped highlights are those anchored over the selection's offsets now. Throws when
 * the merged highlight could not be stored (nothing is deleted then).
 */
export async function mergePdfHighlights(
  highlights: PdfHighlights,
  selection: DocumentSpan,
  color: HighlightColor,
): Promise<{ count: number; undo: () => void }> {
  const parts = highlights
    .touching(selection.start, selection.end)
    .overlapping.map((item) => ({ record: item.record, place: { start: item.start, end: item.end } }));
  const merged = await mergeWithUndo(pdfHighlightPlaces(highlights), selection, parts, color);
  if (!merged) throw new Error('The highlight was not stored.');
  return merged;
}
