/**
 * Highlights on a PDF: selectors over the document text (document-text.ts) and finding them again.
 * The same W3C selectors as on web pages (TextQuote, TextPosition) plus the page (FragmentSelector
 * "page=N"); no element path, as a PDF has no elements. Matching is the web pages' (match-quote.ts).
 */
import { quoteContext } from '../anchoring/describe-range';
import { MIN_SCORE, scorePlace, searchQuote } from '../anchoring/match-quote';
import { NormalizedText } from '../anchoring/normalize';
import type { AnchorResult, AnnotationTarget } from '../anchoring/types';
import { pageAtOffset, type PdfDocumentText } from './document-text';
import { pageFragmentSelector, pageOfFragment } from './page-selector';

/** The selectors of document text [start, end): quote with context, position, and the page it starts on. */
export function describePdfOffsets(document: PdfDocumentText, start: number, end: number): AnnotationTarget {
  const { text } = document;
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end));
  const pageNumber = pageAtOffset(document, from);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: quoteContext(text, from, to, 'before'),
      suffix: quoteContext(text, from, to, 'after'),
    },
    position: { type: 'TextPositionSelector', start: from, end: to },
    ...(pageNumber !== null ? { page: pageFragmentSelector(pageNumber) } : {}),
  };
}

/** The page a highlight names (its FragmentSelector), or null. */
export function pageOfTarget(target: AnnotationTarget): number | null {
  return target.page ? pageOfFragment(target.page.value) : null;
}

// One normalised copy per document text, shared by all highlights anchored in it.
const normalizedTexts = new WeakMap<PdfDocumentText, NormalizedText>();

function normalizedOf(document: PdfDocumentText): NormalizedText {
  let normalized = normalizedTexts.get(document);
  if (!normalized) {
    normalized = new NormalizedText(document.text);
    normalizedTexts.set(document, normalized);
  }
  return normalized;
}

/**
 * Finds a stored highlight in the PDF's text: at its position if the quote is still there, else by its
 * quote, preferring places near its position and on its page. Orphaned rather than placed on the wrong text.
 */
export function anchorPdfTarget(document: PdfDocumentText, target: AnnotationTarget): AnchorResult {
  const { exact } = target.quote;
  const start = target.position.start;
  let byPosition = 0;
  if (exact.length > 0 && document.text.slice(start, start + exact.length) === exact) {
    byPosition = scorePlace(normalizedOf(document), target.quote, start, start + exact.length);
    if (byPosition >= MIN_SCORE) return { status: 'anchored', start, end: start + exact.length, score: byPosition, method: 'position' };
  }
  const hints = [start];
  const page = pageOfTarget(target);
  const pageStart = page === null ? undefined : document.pages[page - 1]?.start;
  if (pageStart !== undefined && pageStart !== start) hints.push(pageStart);
  const { match, bestScore } = searchQuote(normalizedOf(document), target.quote, hints);
  if (!match) return { status: 'orphan', bestScore: Math.max(bestScore, byPosition) };
  return { status: 'anchored', start: match.start, end: match.end, score: match.score, method: match.exact ? 'exact' : 'fuzzy' };
}

/** Anchors many highlights in one document, sharing its normalised text. */
export function anchorAllInPdf(document: PdfDocumentText, targets: readonly AnnotationTarget[]): AnchorResult[] {
  return targets.map((target) => anchorPdfTarget(document, target));
}
