/**
 * The popup's and side panel's requests about a tab that shows Gloss's PDF viewer, answered from what the
 * viewer reported (pdf-viewer-tabs.ts) instead of from a page reader injected into the tab, which an
 * extension page does not allow. Highlights come from the store by the PDF's document key and address,
 * found again in the document text the viewer read; places and marks are the viewer's to show.
 */
import { estimateReadingTime } from '@/lib/article/reading-time';
import type { AnalyzeTabResult, HeadingTarget, HighlightState, TabHighlightsResult } from '@/lib/messaging/contract';
import { anchorAllInPdf, anchorPdfTarget } from '@/lib/pdf/pdf-anchoring';
import type { PdfDocumentText } from '@/lib/pdf/document-text';
import { documentTextOf, type PdfTabAnalysis } from '@/lib/pdf-viewer/pdf-tab-analysis';
import { annotationsForPage } from '@/lib/storage/annotation-store';
import { annotationsForDocument } from '@/lib/storage/document-store';
import { recordArticleDetails } from '@/lib/storage/page-store';
import type { AnnotationRecord } from '@/lib/storage/records';
import { rememberArticleText } from './article-texts';
import { glossDatabase } from './database';
import { entitiesForText } from './entities-for-text';
import { entityScanner } from './entity-scanner';
import { callPdfViewer, type PdfViewerTab } from './pdf-viewer-tabs';
import { pdfPageUrl } from './tab-page';

// One document text per analysis, so the normalised copy anchoring builds is shared by every request.
const documentTexts = new WeakMap<PdfTabAnalysis, PdfDocumentText>();
function documentText(analysis: PdfTabAnalysis): PdfDocumentText {
  let found = documentTexts.get(analysis);
  if (!found) documentTexts.set(analysis, (found = documentTextOf(analysis)));
  return found;
}

/** The PDF in the viewer as the popup shows an article: while the viewer still reads, how far it got. */
export async function analyzePdfTab(viewer: PdfViewerTab): Promise<AnalyzeTabResult> {
  const { analysis } = viewer;
  if (!analysis) return { ok: false, reason: 'reading-pdf', url: null, progress: viewer.progress };
  const scanner = entityScanner().then(
    () => true,
    () => false,
  );
  const pageUrl = await pdfPageUrl(analysis);
  rememberArticleText(viewer.tabId, pageUrl, analysis.text);
  if (pageUrl) void recordArticleDetails(glossDatabase(), pageUrl, analysis.metadata).catch(() => undefined);
  const entities = (await scanner) ? await entitiesForText(pageUrl, analysis.text) : null;
  return {
    ok: true,
    analysis: {
      kind: 'article',
      metadata: analysis.metadata,
      readingTime: estimateReadingTime(analysis.text),
      outline: analysis.outline,
      url: analysis.address ?? pageUrl ?? '',
      entities,
      pdf: {
        pageCount: analysis.pageCount,
        documentKey: analysis.documentKey,
        fileName: analysis.fileName,
        local: analysis.address === null,
      },
    },
  };
}

async function storedHighlights(analysis: PdfTabAnalysis, pageUrl: string | null): Promise<AnnotationRecord[]> {
  const db = glossDatabase();
  if (analysis.documentKey !== null) return annotationsForDocument(db, pageUrl, analysis.documentKey);
  return pageUrl === null ? [] : annotationsForPage(db, pageUrl);
}

/** The PDF's highlights in document order, each found again in the text the viewer read, or orphaned. */
export async function pdfTabHighlights(viewer: PdfViewerTab): Promise<TabHighlightsResult> {
  const { analysis } = viewer;
  if (!analysis) return { ok: false, reason: 'not-a-page' };
  const pageUrl = await pdfPageUrl(analysis);
  const records = await storedHighlights(analysis, pageUrl);
  const places = anchorAllInPdf(
    documentText(analysis),
    records.map((record) => record.target),
  );
  const highlights: HighlightState[] = records.map((record, index) => {
    const place = places[index];
    return place.status === 'anchored'
      ? { record, status: 'anchored', start: place.start, end: place.end }
      : { record, status: 'orphan', start: record.target.position.start, end: record.target.position.end };
  });
  highlights.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ok: true, pageUrl: pageUrl ?? analysis.address ?? '', highlights };
}

/** Scrolls the viewer to a stored highlight, found again in its text. */
export async function scrollPdfToHighlight(viewer: PdfViewerTab, id: string): Promise<{ found: boolean }> {
  const record = await glossDatabase().annotations.get(id);
  if (!record || !viewer.analysis) return { found: false };
  const place = anchorPdfTarget(documentText(viewer.analysis), record.target);
  if (place.status !== 'anchored') return { found: false };
  return callPdfViewer(viewer.tabId, 'go-to', { place: { pageNumber: null, start: place.start, end: place.end } });
}

/** Scrolls the viewer to an outline entry: its heading in the text where known, else its page. */
export async function scrollPdfToHeading(
  viewer: PdfViewerTab,
  target: HeadingTarget & { pageNumber?: unknown },
): Promise<{ found: boolean }> {
  const outline = viewer.analysis?.outline ?? [];
  const wantedPage = typeof target.pageNumber === 'number' ? target.pageNumber : undefined;
  const entry =
    outline.find((item) => item.text === target.text && (wantedPage === undefined || item.pageNumber === wantedPage)) ??
    outline.find((item) => item.text === target.text);
  if (!entry || (entry.pageNumber === null && entry.offset === undefined)) return { found: false };
  const start = entry.offset;
  return callPdfViewer(viewer.tabId, 'go-to', {
    place: { pageNumber: entry.pageNumber, ...(start !== undefined && { start, end: start + entry.text.length }) },
  });
}
