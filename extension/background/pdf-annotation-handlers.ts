import type { GlossRequest, GlossResponse } from '@/lib/messaging/contract';
import { createAnnotation } from '@/lib/storage/annotation-store';
import { annotationsForDocument, pageUrlForDocument } from '@/lib/storage/document-store';
import { cleanPageDetails } from '@/lib/storage/page-store';
import { checkAnnotationChanges, checkAnnotationTarget } from '@/lib/storage/record-rules';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { announceChange } from './announce-change';
import { RefusedRequest, type PdfViewerCaller } from './callers';
import { glossDatabase } from './database';

/*
 * The PDF viewer's highlights. Only Gloss's own pdf.html may send these (callers.ts admits no other
 * caller): a PDF's highlights are shown wherever its document key is, so a web page must never write one.
 * Edits, deletions and undo go through update-, delete- and restore-annotation, which Gloss's pages may
 * send for any highlight and content scripts for none that carries a document key.
 */

/** The address a PDF was opened from, normalised, or null for a local file or anything not http(s). */
function webAddress(address: string | null): string | null {
  const normal = address === null ? null : normalizePageUrl(address);
  return normal !== null && /^https?:\/\//.test(normal) ? normal : null;
}

export async function pdfAnnotations(request: GlossRequest<'pdf-annotations'>, _caller: PdfViewerCaller) {
  const db = glossDatabase();
  const filed = webAddress(request.address);
  // Only PDF highlights: a web page's, should a server once have answered the same address with HTML, are
  // that page's (a content script made them) and never show among the PDF's.
  return (await annotationsForDocument(db, filed, request.documentKey)).filter((record) => record.documentKey !== undefined);
}

export async function createForPdfViewer(
  request: GlossRequest<'create-pdf-annotation'>,
  _caller: PdfViewerCaller,
): Promise<GlossResponse<'create-pdf-annotation'>> {
  const target = checkAnnotationTarget(request.target, 'create-pdf-annotation target');
  if (!target.page) throw new RefusedRequest('create-pdf-annotation: a highlight on a PDF names its page (a FragmentSelector page=N).');
  const { color, note, tags } = checkAnnotationChanges(
    { color: request.color, note: request.note, tags: request.tags },
    'create-pdf-annotation',
  );
  const db = glossDatabase();
  const pageUrl = await pageUrlForDocument(db, request.documentKey, webAddress(request.address));
  const record = await createAnnotation(
    db,
    { pageUrl, documentKey: request.documentKey, target, color, note, tags },
    cleanPageDetails(request.page),
  );
  await announceChange(record.pageUrl);
  return record;
}
