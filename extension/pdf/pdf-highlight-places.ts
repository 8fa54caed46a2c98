import type { HighlightPlaces } from '../highlighting/highlight-places';
import type { PdfHighlights } from './pdf-highlights';

/** Where a highlight sits in a PDF: offsets into the document text, [start, end). */
export interface DocumentSpan {
  start: number;
  end: number;
}

/** The PDF viewer's highlights for the shared flows: a highlight sits at offsets into the document text. */
export function pdfHighlightPlaces(highlights: PdfHighlights): HighlightPlaces<DocumentSpan> {
  return {
    get: (id) => highlights.get(id),
    passageOf: (id) => highlights.rangesOf(id)[0] ?? null,
    union: (spans) => ({ start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) }),
    create: ({ start, end }, color, fields) => highlights.create(start, end, color, fields),
    forget: (id) => highlights.forget(id),
    replaceRecord: (record) => highlights.replaceRecord(record),
    load: () => highlights.load(),
    focus: (id) => highlights.focus(id),
    preview: (change) => highlights.preview(change),
  };
}
