/**
 * What Gloss's PDF viewer tells the background about the document in its tab, once it has read the whole
 * text: the popup and the side panel opened for that tab show it, as they show an article read from a
 * web page. The background takes it only from Gloss's own pdf.html (extension/background/pdf-viewer-tabs.ts)
 * and checks every field here first: the viewer read it out of a document nobody vouches for.
 */
import type { ArticleMetadata } from '../article/metadata';
import type { PdfDocumentText } from '../pdf/document-text';
import { isPdfDocumentKey } from '../pdf/document-key';
import { MAX_OUTLINE_ENTRIES, type PdfOutlineItem } from '../pdf/pdf-outline';
import { MAX_PDF_PAGES } from '../pdf/pdf-problems';

export interface PdfTabAnalysis {
  /** The http(s) address the viewer opened, or null for a local file. */
  address: string | null;
  /** The local file's name, or the address's; shown where the document has no title. */
  fileName: string;
  /** "urn:x-pdf:<fingerprint>" (lib/pdf/document-key.ts), or null for a PDF pdf.js gives no fingerprint. */
  documentKey: string | null;
  pageCount: number;
  metadata: ArticleMetadata;
  outline: PdfOutlineItem[];
  /** The document text (lib/pdf/document-text.ts): entity and highlight offsets count in it. */
  text: string;
  /** Where each page's text starts in `text`, page 1 first. */
  pageStarts: number[];
}

/** How the viewer's reading is going, before the analysis is ready. */
export interface PdfReadingProgress {
  pagesRead: number;
  pageCount: number;
}

/** 2,000 pages of dense text come to a few million characters; far beyond that is no honest document. */
export const MAX_PDF_TEXT = 32 * 1024 * 1024;
const MAX_FIELD = 2_000;
const MAX_HEADING = 300;

export class BadPdfAnalysis extends Error {
  override name = 'BadPdfAnalysis';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;

function field(value: unknown, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new BadPdfAnalysis(`${name} must be text.`);
  return value.slice(0, MAX_FIELD);
}

function webAddress(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || value.length > 8_000 || !URL.canParse(value)) throw new BadPdfAnalysis('the address is not one.');
  const { protocol } = new URL(value);
  if (protocol !== 'http:' && protocol !== 'https:') throw new BadPdfAnalysis('the address must be http or https.');
  return value;
}

function outlineOf(value: unknown, pageCount: number, textLength: number): PdfOutlineItem[] {
  if (!Array.isArray(value) || value.length > MAX_OUTLINE_ENTRIES) throw new BadPdfAnalysis('the outline is not a list of entries.');
  return value.map((entry) => {
    if (!isObject(entry)) throw new BadPdfAnalysis('an outline entry is not one.');
    const { level, text, pageNumber, offset } = entry;
    if (!isCount(level, 6) || level < 1) throw new BadPdfAnalysis('an outline entry has no level from 1 to 6.');
    if (typeof text !== 'string' || text.length > MAX_HEADING) throw new BadPdfAnalysis('an outline entry has no text.');
    if (pageNumber !== null && (!isCount(pageNumber, pageCount) || pageNumber < 1))
      throw new BadPdfAnalysis('an outline entry names no page of the document.');
    if (offset !== undefined && !isCount(offset, textLength)) throw new BadPdfAnalysis('an outline entry points outside the text.');
    return { level, text, liveIndex: null, pageNumber, ...(offset !== undefined && { offset }) };
  });
}

/** The analysis with every field checked and nothing else kept; throws BadPdfAnalysis saying what is wrong. */
export function checkPdfTabAnalysis(value: unknown): PdfTabAnalysis {
  if (!isObject(value)) throw new BadPdfAnalysis('the analysis is not an object.');
  const { text, pageStarts, pageCount, documentKey, metadata } = value;
  if (typeof text !== 'string' || text.length > MAX_PDF_TEXT) throw new BadPdfAnalysis('the text is missing or too long.');
  if (!isCount(pageCount, MAX_PDF_PAGES) || pageCount < 1) throw new BadPdfAnalysis('the page count is not one.');
  if (!Array.isArray(pageStarts) || pageStarts.length !== pageCount) throw new BadPdfAnalysis('the page starts do not match the pages.');
  let previous = 0;
  for (const start of pageStarts) {
    if (!isCount(start, text.length) || start < previous) throw new BadPdfAnalysis('the page starts are not in order within the text.');
    previous = start;
  }
  if (documentKey !== null && !isPdfDocumentKey(documentKey)) throw new BadPdfAnalysis('the document key is not one.');
  if (!isObject(metadata)) throw new BadPdfAnalysis('the metadata is missing.');
  const fileName = field(value.fileName, 'the file name') ?? 'PDF';
  return {
    address: webAddress(value.address),
    fileName,
    documentKey,
    pageCount,
    metadata: {
      title: field(metadata.title, 'the title') || fileName,
      byline: field(metadata.byline, 'the author'),
      siteName: field(metadata.siteName, 'the site'),
      publishedTime: field(metadata.publishedTime, 'the date'),
      excerpt: field(metadata.excerpt, 'the subject'),
      lang: field(metadata.lang, 'the language'),
      dir: field(metadata.dir, 'the direction'),
    },
    outline: outlineOf(value.outline, pageCount, text.length),
    text,
    pageStarts: [...pageStarts] as number[],
  };
}

/** The document text in the shape lib/pdf's anchoring reads (text and page bounds; no lines or items). */
export function documentTextOf(analysis: Pick<PdfTabAnalysis, 'text' | 'pageStarts'>): PdfDocumentText {
  const { text, pageStarts } = analysis;
  return {
    text,
    pages: pageStarts.map((start, index) => ({
      pageNumber: index + 1,
      start,
      end: index + 1 < pageStarts.length ? pageStarts[index + 1] : text.length,
      itemOffsets: [],
    })),
    lines: [],
  };
}
