import { browser } from 'wxt/browser';
import type { PdfTabAnalysis } from '@/lib/pdf-viewer/pdf-tab-analysis';
import { keepDocumentKey, pageUrlForDocument } from '@/lib/storage/document-store';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { glossDatabase } from './database';
import { pdfViewerTab } from './pdf-viewer-tabs';

/**
 * The address a PDF's records are filed under (lib/storage/document-store.ts): the page already kept for its
 * document key, else its web address, else (a local file) the key itself; null for a local file pdf.js gave
 * no fingerprint, which Gloss cannot keep anything for.
 */
export async function pdfPageUrl(analysis: Pick<PdfTabAnalysis, 'documentKey' | 'address'>): Promise<string | null> {
  if (analysis.documentKey !== null) return pageUrlForDocument(glossDatabase(), analysis.documentKey, analysis.address);
  return analysis.address === null ? null : normalizePageUrl(analysis.address);
}

/**
 * The page a tab's records are filed under: for Gloss's PDF viewer, the PDF's (once it has read it); for a
 * web page, its normalised address; null when the tab is gone or shows nothing Gloss keeps.
 */
export async function pageUrlOfTab(tabId: number): Promise<string | null> {
  const viewer = pdfViewerTab(tabId);
  if (viewer) return viewer.analysis ? pdfPageUrl(viewer.analysis) : null;
  try {
    return normalizePageUrl((await browser.tabs.get(tabId)).url ?? '');
  } catch {
    return null;
  }
}

/** After the popup kept something for tab `tabId`'s page: a PDF's page record learns the document's key. */
export async function notePdfPage(tabId: number, pageUrl: string): Promise<void> {
  const key = pdfViewerTab(tabId)?.analysis?.documentKey;
  if (key) await keepDocumentKey(glossDatabase(), pageUrl, key);
}
