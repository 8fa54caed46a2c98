/**
 * The parts of pdf.js's objects that lib/pdf reads, as structural types. lib/pdf never imports pdf.js:
 * the viewer (in the browser, with pdf.js's worker) and the command line (Node, pdfjs-dist's legacy
 * build) both hand it their own PDFDocumentProxy, which meets these types, and tests hand it plain objects.
 */

/** One run of text on a page (pdf.js TextItem). */
export interface PdfTextItem {
  str: string;
  /** The text matrix [a, b, c, d, e, f]: (e, f) is where the run starts, in PDF units (y grows upwards). */
  transform: readonly number[];
  width: number;
  height: number;
  /** True when the run ends a line. */
  hasEOL?: boolean;
  fontName?: string;
  dir?: string;
}

/** A marked-content boundary pdf.js reports among the items when asked (TextMarkedContent). */
export interface PdfMarkedContent {
  type: string;
  id?: string;
}

export type PdfContentItem = PdfTextItem | PdfMarkedContent;

/** What page.getTextContent() resolves to, as far as lib/pdf cares. */
export interface PdfTextContent {
  items: readonly PdfContentItem[];
}

export function isTextItem(item: PdfContentItem): item is PdfTextItem {
  return typeof (item as PdfTextItem).str === 'string';
}

export interface PdfPageSource {
  getTextContent(): Promise<PdfTextContent>;
  /** Frees the page's parsed resources once its text is read (a 300-page report would otherwise pile up). */
  cleanup?(): unknown;
}

/** An entry of the PDF's bookmarks as getOutline() gives it. */
export interface PdfOutlineNode {
  title: string;
  /** A named destination (string) or an explicit one: [page reference or page index, kind, …]. */
  dest: string | readonly unknown[] | null;
  items: readonly PdfOutlineNode[];
}

/** The document's Info dictionary and XMP metadata (getMetadata()). */
export interface PdfMetadataSource {
  info: unknown;
  /** pdf.js's Metadata object: get("dc:title") and so on. */
  metadata: { get(name: string): unknown } | null;
}

/** A reference to an object in the PDF (pdf.js RefProxy), as explicit destinations hold for their page. */
export interface PdfRef {
  num: number;
  gen: number;
}

/** The parts of PDFDocumentProxy lib/pdf uses. */
export interface PdfDocumentSource {
  numPages: number;
  /** pdf.js's fingerprints of the document: the first is stable across copies of the same file. */
  fingerprints: readonly (string | null)[];
  getPage(pageNumber: number): Promise<PdfPageSource>;
  getMetadata(): Promise<PdfMetadataSource>;
  getOutline(): Promise<readonly PdfOutlineNode[] | null>;
  getDestination(id: string): Promise<readonly unknown[] | null>;
  getPageIndex(ref: PdfRef): Promise<number>;
}
