import type { ArticleMetadata } from '../article/metadata';
import { estimateReadingTime, type ReadingTime } from '../article/reading-time';
import { repairBookmarkTitles } from './bookmark-titles';
import { pdfDocumentKey } from './document-key';
import { DocumentTextBuilder, type PdfDocumentText } from './document-text';
import { inferOutline, outlineFromBookmarks, type PdfOutlineItem, type PdfOutlineSource } from './pdf-outline';
import { pdfMetadata } from './pdf-metadata';
import { checkHasText, checkPageCount, pdfProblemFrom, PdfProblem } from './pdf-problems';
import type { PdfDocumentSource } from './pdf-source';

/** Everything Gloss knows about one PDF: what the popup, the viewer and the command line show. */
export interface PdfReading {
  /** urn:x-pdf:<fingerprint> (document-key.ts); null only for a PDF pdf.js gives no fingerprint. */
  documentKey: string | null;
  /** pdf.js's fingerprints, as it gives them (nulls left out). */
  fingerprints: string[];
  pageCount: number;
  metadata: ArticleMetadata;
  /** The bookmarks when the PDF has them, else headings inferred from font sizes. */
  outline: PdfOutlineItem[];
  outlineSource: PdfOutlineSource | 'none';
  text: PdfDocumentText;
  readingTime: ReadingTime;
}

export interface PdfProgress {
  pagesRead: number;
  pageCount: number;
}

export interface ReadPdfOptions {
  /** The address the PDF was opened from; null for a local file. */
  url: string | null;
  /** Called after each page's text is read. */
  onProgress?: (progress: PdfProgress) => void;
  /** Stops reading between pages (the viewer's tab closed, another file opened); rejects with its reason. */
  signal?: AbortSignal;
}

/** Reads every page's text in order, reporting progress per page. Does not refuse a document without text. */
export async function extractPdfText(doc: PdfDocumentSource, options: Omit<ReadPdfOptions, 'url'> = {}): Promise<PdfDocumentText> {
  const builder = new DocumentTextBuilder();
  for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber++) {
    options.signal?.throwIfAborted();
    const page = await doc.getPage(pageNumber);
    const content = await page.getTextContent();
    builder.addPage(content.items);
    page.cleanup?.();
    options.onProgress?.({ pagesRead: pageNumber, pageCount: doc.numPages });
  }
  return builder.build();
}

/** The outline: bookmarks first, else headings inferred from the text. */
export async function pdfOutline(
  doc: PdfDocumentSource,
  text: PdfDocumentText,
): Promise<{ outline: PdfOutlineItem[]; source: PdfOutlineSource | 'none' }> {
  const bookmarks = await outlineFromBookmarks(doc);
  if (bookmarks.length > 0) return { outline: repairBookmarkTitles(bookmarks, text), source: 'bookmarks' };
  const headings = inferOutline(text);
  return { outline: headings, source: headings.length > 0 ? 'headings' : 'none' };
}

/**
 * Reads an opened PDF: its text, outline, metadata and key. Throws a PdfProblem with a message for the
 * reader when the document is too long, has no text (a scan) or cannot be read.
 */
export async function readPdf(doc: PdfDocumentSource, options: ReadPdfOptions): Promise<PdfReading> {
  try {
    checkPageCount(doc.numPages);
    const text = await extractPdfText(doc, options);
    checkHasText(text.text);
    const { outline, source } = await pdfOutline(doc, text);
    const metadataSource = await doc.getMetadata().catch(() => null);
    const firstHeading = outline[0]?.text ?? null;
    const fingerprints = doc.fingerprints.filter((value): value is string => typeof value === 'string');
    return {
      documentKey: pdfDocumentKey(fingerprints),
      fingerprints,
      pageCount: doc.numPages,
      metadata: pdfMetadata({ source: metadataSource, url: options.url, firstHeading }),
      outline,
      outlineSource: source,
      text,
      readingTime: estimateReadingTime(text.text),
    };
  } catch (error) {
    if (options.signal?.aborted && error === options.signal.reason) throw error;
    if (error instanceof PdfProblem) throw error;
    throw pdfProblemFrom(error);
  }
}
