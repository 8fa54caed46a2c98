/**
 * Where an annotation sits in a page, in the W3C Web Annotation selector vocabulary plus one Gloss hint.
 * Offsets count UTF-16 code units in the page's text index (see text-index.ts): the concatenated text of
 * the text nodes under document.body, in document order, skipping script, style, noscript, template and
 * Gloss's own UI (elements marked data-gloss-ui).
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /**
   * Up to 32 characters of text just before `exact` (fewer at the start of the page), with whitespace
   * runs collapsed to one space: indented page source would otherwise fill it with blanks.
   */
  prefix: string;
  /** Up to 32 characters of text just after `exact`, whitespace collapsed likewise. */
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * A structural hint: the element that contains the start of the highlight, as a path of
 * `tag:nth-of-type` steps from body (e.g. "main:1/article:1/p:4"), and offsets into that element's text.
 * Cheap to check and robust to text added elsewhere in the page.
 */
export interface ElementPathSelector {
  type: 'gloss:ElementPathSelector';
  path: string;
  start: number;
  end: number;
}

/** The PDF fragment specification (RFC 3778), which `page=N` conforms to. */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/**
 * The page of a PDF a highlight is on (counted from 1), as a W3C FragmentSelector: `value` is "page=N".
 * Only highlights on PDFs have one; their quote and position count in the PDF's document text
 * (lib/pdf/document-text.ts) rather than a page's text index.
 */
export interface PageFragmentSelector {
  type: 'FragmentSelector';
  value: string;
  conformsTo: typeof PDF_FRAGMENT_SPEC;
}

export interface AnnotationTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  element?: ElementPathSelector;
  page?: PageFragmentSelector;
}

/** How an annotation was found again, cheapest first. */
export type AnchorMethod = 'position' | 'element' | 'exact' | 'fuzzy';

export type AnchorResult =
  { status: 'anchored'; start: number; end: number; score: number; method: AnchorMethod } | { status: 'orphan'; bestScore: number };
