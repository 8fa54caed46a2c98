import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';

/**
 * A page's or a document's highlights as the flows shared by web pages and the PDF viewer see them
 * (answer-shown-ui.ts, merge-with-undo.ts). `Place` is what says where a highlight sits: a Range in a web
 * page (extension/page/merge-highlights.ts), offsets into the document text in a PDF
 * (extension/pdf/merge-pdf-highlights.ts). Everything else the flows need is the same on both sides.
 */
export interface HighlightPlaces<Place> {
  get(id: string): { record: AnnotationRecord } | undefined;
  /** The passage's first range on screen, where the focus goes back to when a bar over it closes; null if not drawn. */
  passageOf(id: string): Range | null;
  /** The smallest place that covers all of `places` (at least one). */
  union(places: readonly Place[]): Place;
  /** Stores a new highlight over `place` and paints it; null (or a thrown error) when nothing was stored. */
  create(place: Place, color: HighlightColor, fields: { note: string; tags: string[] }): Promise<AnnotationRecord | null>;
  /** Takes a highlight off the screen (its record is being deleted). */
  forget(id: string): void;
  /** Takes a record just stored in place of the one held (the passage is repainted if its colour changed). */
  replaceRecord(record: AnnotationRecord): void;
  /** Reads the highlights from the store again and places them. */
  load(): Promise<void>;
  focus(id: string | null): void;
  /** Paints a highlight in the colour its editor has chosen, until `preview(null)`. */
  preview(change: { id: string; color: HighlightColor } | null): void;
}
