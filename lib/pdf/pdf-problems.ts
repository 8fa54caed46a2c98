/**
 * What can be wrong with a PDF, in words for the reader. The viewer and the command line show
 * `message` as it is; `kind` lets them choose what else to offer (the viewer asks for a protected PDF's password).
 */
export type PdfProblemKind = 'encrypted' | 'broken' | 'scanned' | 'too-large' | 'too-many-pages' | 'unreadable';

export class PdfProblem extends Error {
  override name = 'PdfProblem';
  constructor(
    readonly kind: PdfProblemKind,
    message: string,
  ) {
    super(message);
  }
}

/** Larger files are refused before parsing: no report comes near this, and parsing it would take minutes. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;
/** Longer documents are refused: reading every page's text for entities would not end in reasonable time. */
export const MAX_PDF_PAGES = 2_000;

const megabytes = (bytes: number): string => `${Math.ceil(bytes / 1024 / 1024)} MB`;

export const PDF_MESSAGES = {
  encrypted: 'This PDF is protected by a password.',
  wrongPassword: 'This PDF is protected by a password, and the one given does not open it.',
  broken: 'This file is not a PDF that can be read: it is damaged or incomplete.',
  scanned: 'This PDF has no text to read — it may be a scan.',
  tooLarge: (bytes: number) => `This PDF is too large to read (${megabytes(bytes)}; the limit is ${megabytes(MAX_PDF_BYTES)}).`,
  tooManyPages: (pages: number) =>
    `This PDF has too many pages to read (${pages.toLocaleString('en-US')}; the limit is ${MAX_PDF_PAGES.toLocaleString('en-US')}).`,
  unreadable: 'Gloss could not read this PDF.',
} as const;

/** Refuses a file by its size before any parsing. */
export function checkPdfSize(byteLength: number): void {
  if (byteLength > MAX_PDF_BYTES) throw new PdfProblem('too-large', PDF_MESSAGES.tooLarge(byteLength));
}

export function checkPageCount(pages: number): void {
  if (pages > MAX_PDF_PAGES) throw new PdfProblem('too-many-pages', PDF_MESSAGES.tooManyPages(pages));
}

/** A document whose text holds no letter or digit has nothing to read: a scan, or pages of pictures. */
export function checkHasText(text: string): void {
  if (!/[\p{L}\p{N}]/u.test(text)) throw new PdfProblem('scanned', PDF_MESSAGES.scanned);
}

/**
 * The problem behind an error pdf.js threw while opening or reading a document. pdf.js names its
 * exceptions (PasswordException, InvalidPDFException…); their messages are for developers, not readers.
 */
export function pdfProblemFrom(error: unknown): PdfProblem {
  if (error instanceof PdfProblem) return error;
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name) : '';
  if (name === 'PasswordException') {
    // pdf.js's PasswordResponses: 1, a password is needed; 2, the one given is wrong.
    const wrong = (error as { code?: unknown }).code === 2;
    return new PdfProblem('encrypted', wrong ? PDF_MESSAGES.wrongPassword : PDF_MESSAGES.encrypted);
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'MissingPDFException') {
    return new PdfProblem('broken', PDF_MESSAGES.broken);
  }
  return new PdfProblem('unreadable', PDF_MESSAGES.unreadable);
}
