import type { PdfDocumentText } from '@/lib/pdf/document-text';
import type { PdfOutlineItem } from '@/lib/pdf/pdf-outline';
import type { PdfMetadataSource } from '@/lib/pdf/pdf-source';
import type { PageTextItem } from '@/lib/pdf-viewer/page-text';
import type { PdfLink } from '@/lib/pdf-viewer/page-links';
import type { ViewerProblem } from '@/lib/pdf-viewer/viewer-problems';

/**
 * What the viewer's components need from an open document. extension/pdf/open-pdf.ts implements it on
 * pdf.js; the components never touch pdf.js themselves.
 */

/** A page's size at 100% zoom, in CSS pixels (one PDF point each). */
export interface PageSize {
  width: number;
  height: number;
}

export interface PageRendering {
  /** Settles when the canvas and the text layer are drawn; rejects when cancelled. */
  done: Promise<void>;
  cancel: () => void;
}

export interface PdfView {
  pageCount: number;
  /** The title in the document's metadata, if any. */
  metadataTitle: string | null;
  /** Page 1's size, used for every page until its own is known. */
  firstPageSize: PageSize;
  pageSize: (index: number) => Promise<PageSize>;
  /** The page being read (0-based): of the pages waiting to be drawn, the nearest to it goes first. */
  focusPage: (index: number) => void;
  /** Draws page `index` at `scale` into `canvas`, and its selectable text into `textLayer`. */
  renderPage: (index: number, scale: number, canvas: HTMLCanvasElement, textLayer: HTMLElement) => PageRendering;
  /** The page's text, as the text layer shows it (see lib/pdf-viewer/page-text.ts). */
  pageText: (index: number) => Promise<string>;
  /** The key Gloss files the PDF's highlights under (lib/pdf/document-key.ts), from its fingerprint; null without one. */
  documentKey: string | null;
  /** The whole text with page offsets (lib/pdf), once every page is read. */
  documentText: () => Promise<PdfDocumentText>;
  /** The bookmarks, else headings inferred from font sizes (lib/pdf); needs the whole text. */
  outline: () => Promise<PdfOutlineItem[]>;
  /** The page's text items, as its text layer draws them (document offsets map through them). */
  pageItems: (index: number) => Promise<readonly PageTextItem[]>;
  /** The page's links, to web addresses and to pages of the document (lib/pdf-viewer/page-links.ts). */
  pageLinks: (index: number) => Promise<readonly PdfLink[]>;
  /** Saves the document's own bytes, as they were opened, under `fileName` (a download, no permission). */
  saveCopy: (fileName: string) => Promise<void>;
  /** pdf.js's fingerprints of the file and its metadata (null when unreadable), for lib/pdf's key and details. */
  facts: () => Promise<{ fingerprints: string[]; metadata: PdfMetadataSource | null }>;
  close: () => void;
}

/**
 * Asks the reader for a protected document's password (`retry`: the last one given did not open it).
 * Null: the reader declined, and the document stays closed.
 */
export type AskPassword = (retry: boolean) => Promise<string | null>;

/** Opening failed for a reason the reader should hear about. */
export class PdfOpenError extends Error {
  constructor(
    readonly problem: ViewerProblem,
    detail?: string,
  ) {
    super(detail ?? problem.body);
    this.name = 'PdfOpenError';
  }
}
