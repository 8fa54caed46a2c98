/**
 * PDFs in the store. A PDF's page record and highlights carry its document key ("urn:x-pdf:<fingerprint>",
 * lib/pdf/document-key.ts), indexed, so that the same file opened from another address, or as a local
 * copy, finds the page and the highlights it already has. The first address a PDF is annotated at stays
 * its page's key; a PDF first annotated with no web address is filed under its document key.
 */
import { isPdfDocumentKey } from '../pdf/document-key';
import { normalizePageUrl } from '../url/normalize-url';
import type { GlossDatabase } from './database';
import type { AnnotationRecord, PageRecord } from './records';

/** The page record of the PDF with this key, if one is kept (the oldest, should there be several). */
export async function pageForDocument(db: GlossDatabase, documentKey: string): Promise<PageRecord | null> {
  if (!isPdfDocumentKey(documentKey)) return null;
  const pages = await db.pages.where('documentKey').equals(documentKey).toArray();
  if (pages.length === 0) return null;
  return pages.reduce((oldest, page) => (page.createdAt < oldest.createdAt ? page : oldest));
}

/** The address the PDF's page is filed under, or null when no page has this key. */
export async function documentPageUrl(db: GlossDatabase, documentKey: string): Promise<string | null> {
  return (await pageForDocument(db, documentKey))?.url ?? null;
}

/**
 * Where a new highlight on a PDF is filed: the page already kept for its key; else the address it was
 * opened from (http or https, normalised); else, for a local file, the document key itself.
 */
export async function pageUrlForDocument(db: GlossDatabase, documentKey: string, address: string | null): Promise<string> {
  const kept = await documentPageUrl(db, documentKey);
  if (kept !== null) return kept;
  const normal = address === null ? null : normalizePageUrl(address);
  return normal !== null && /^https?:\/\//.test(normal) ? normal : documentKey;
}

/**
 * A PDF's highlights, oldest first: those filed under its address and those that carry its key (made
 * when it was opened from elsewhere), each once.
 */
export async function annotationsForDocument(db: GlossDatabase, pageUrl: string | null, documentKey: string): Promise<AnnotationRecord[]> {
  const byKey = isPdfDocumentKey(documentKey) ? await db.annotations.where('documentKey').equals(documentKey).toArray() : [];
  const byUrl = pageUrl === null ? [] : await db.annotations.where('pageUrl').equals(pageUrl).toArray();
  const unique = new Map<string, AnnotationRecord>();
  for (const record of [...byKey, ...byUrl]) unique.set(record.id, record);
  return [...unique.values()].sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Gives a PDF's page record its document key when it has none yet: a verdict or a pick made in the viewer's
 * popup files the page before any highlight does, and the same file from another address must find it.
 */
export async function keepDocumentKey(db: GlossDatabase, pageUrl: string, documentKey: string): Promise<void> {
  if (!isPdfDocumentKey(documentKey)) return;
  await db.transaction('rw', db.pages, async () => {
    const page = await db.pages.get(pageUrl);
    if (page && page.documentKey === undefined) await db.pages.update(pageUrl, { documentKey });
  });
}
