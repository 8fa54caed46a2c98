/**
 * The key Gloss files a PDF's highlights under besides its address: pdf.js's first fingerprint, which
 * comes from the file's own ID (or its bytes when it has none), so the same file fetched from another
 * address, or opened as a local copy, gets the same key. Written as a URN, as Hypothesis does
 * ("urn:x-pdf:<fingerprint>"), so a backup names the document the same way other tools do.
 */
export const PDF_KEY_PREFIX = 'urn:x-pdf:';

/** pdf.js fingerprints are hex digests; anything else is not one (a hostile caller, a wrong field). */
const FINGERPRINT = /^[0-9a-f]{16,128}$/i;
const DOCUMENT_KEY = /^urn:x-pdf:[0-9a-f]{16,128}$/;

/** The document key of a PDF from its fingerprints (PDFDocumentProxy.fingerprints), or null when it has none. */
export function pdfDocumentKey(fingerprints: readonly (string | null | undefined)[]): string | null {
  const first = fingerprints.find((value): value is string => typeof value === 'string' && FINGERPRINT.test(value));
  return first === undefined ? null : `${PDF_KEY_PREFIX}${first.toLowerCase()}`;
}

export function isPdfDocumentKey(value: unknown): value is string {
  return typeof value === 'string' && DOCUMENT_KEY.test(value);
}

/** Longest document key there is: the prefix and a 128-digit fingerprint. */
export const MAX_DOCUMENT_KEY = PDF_KEY_PREFIX.length + 128;
