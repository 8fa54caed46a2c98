import { extractArticle } from '@/lib/article/extract-article';
import type { PageReaderResult } from '@/lib/messaging/contract';

/** Reads the document this script runs in. PDF viewers and non-HTML documents get a reason, not a guess. */
export function readPage(doc: Document): PageReaderResult {
  if (doc.contentType === 'application/pdf') return { ok: false, reason: 'pdf' };
  if (!doc.body) return { ok: false, reason: 'failed', detail: 'This document has no body to read.' };
  try {
    return { ok: true, extraction: extractArticle(doc, doc.URL), url: doc.URL };
  } catch (error) {
    return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
