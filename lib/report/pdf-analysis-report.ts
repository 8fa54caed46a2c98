import type { PdfReading } from '../pdf/read-pdf';
import type { AnalysisEntity, AnalysisReport } from './analysis-report';

/**
 * The report of one PDF, in the shape an HTML page's has (title, byline, siteName, publishedTime,
 * outline, entities…), plus its fingerprint and page count. Mention offsets point into the document
 * text (lib/pdf/document-text.ts). Pure.
 */
export function buildPdfAnalysisReport(reading: PdfReading, url: string | null, entities: AnalysisEntity[] = []): AnalysisReport {
  const { dir: _dir, ...metadata } = reading.metadata;
  return {
    ...metadata,
    url,
    readingTime: { words: reading.readingTime.words, minutes: reading.readingTime.minutes },
    kind: 'pdf',
    outline: reading.outline.map(({ level, text, pageNumber }) =>
      pageNumber === null ? { level, text } : { level, text, page: pageNumber },
    ),
    entities,
    ...(reading.fingerprints[0] !== undefined && { fingerprint: reading.fingerprints[0] }),
    ...(reading.documentKey !== null && { documentKey: reading.documentKey }),
    pageCount: reading.pageCount,
  };
}
