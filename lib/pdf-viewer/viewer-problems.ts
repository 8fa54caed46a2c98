import { checkHasText, PDF_MESSAGES, PdfProblem, type PdfProblemKind } from '../pdf/pdf-problems';

/**
 * What the viewer says when it cannot show a document, or can show it but not read it: a short title,
 * lib/pdf's plain-words message, and what the reader can do next. The viewer adds three problems of its
 * own, about getting the file: an address that did not answer, an answer that was no PDF, and an address
 * the viewer refuses to fetch.
 */
export type ViewerProblemKind = PdfProblemKind | 'unreachable' | 'not-pdf' | 'refused-address';

export interface ViewerProblem {
  kind: ViewerProblemKind;
  title: string;
  body: string;
}

const TITLES: Record<ViewerProblemKind, string> = {
  encrypted: 'This PDF is protected by a password',
  broken: 'This PDF is damaged',
  scanned: 'This PDF has no text to read',
  'too-large': 'This PDF is too large',
  'too-many-pages': 'This PDF is too long',
  unreadable: 'Gloss couldn’t read this PDF',
  unreachable: 'Gloss couldn’t fetch this PDF',
  'not-pdf': 'This is not a PDF',
  'refused-address': 'Gloss only opens PDFs from web addresses',
};

const NEXT_STEPS: Record<ViewerProblemKind, string> = {
  encrypted: 'Enter its password to read it here, or open it in the browser’s own viewer.',
  broken: 'Download it again and open the new copy.',
  scanned: 'You can read its pages here, but not select, find, highlight or analyse its text.',
  'too-large': 'Open it in the browser’s own viewer.',
  'too-many-pages': 'Open it in the browser’s own viewer.',
  unreadable: 'Open it in the browser’s own viewer.',
  unreachable: 'The address did not answer with the document. Check your connection, or open the PDF from a file on your computer.',
  'not-pdf': 'The address did not give a PDF document. Check that the link leads to the PDF itself and not to a page about it.',
  'refused-address':
    'The viewer fetches http and https addresses only. To read a PDF on your computer, choose it with “Open a PDF file” or drop it here.',
};

const OWN_MESSAGES: Partial<Record<ViewerProblemKind, string>> = {
  unreachable: 'Gloss couldn’t fetch this PDF.',
  'not-pdf': 'What this address gave is not a PDF.',
  'refused-address': 'This viewer address does not name a web document.',
};

/** The viewer's words for a problem; `message` is lib/pdf's when it gave one. */
export function viewerProblem(kind: ViewerProblemKind, message?: string): ViewerProblem {
  const said = message ?? OWN_MESSAGES[kind] ?? (kind in PDF_MESSAGES ? String((PDF_MESSAGES as Record<string, unknown>)[kind]) : '');
  // A message that only says the title again ("This PDF is protected by a password.") is left to the title.
  const news = said.replace(/\.$/, '') === TITLES[kind] ? '' : said;
  return { kind, title: TITLES[kind], body: `${news} ${NEXT_STEPS[kind]}`.trim() };
}

/** lib/pdf's problem, in the viewer's words. */
export function viewerProblemFrom(problem: PdfProblem): ViewerProblem {
  return viewerProblem(problem.kind, problem.message);
}

/** A PDF starts with "%PDF-" within its first kilobyte (some files have junk before it). */
export function startsLikePdf(head: Uint8Array): boolean {
  const window = head.subarray(0, 1024);
  for (let i = 0; i + 4 < window.length; i++) {
    if (window[i] === 0x25 && window[i + 1] === 0x50 && window[i + 2] === 0x44 && window[i + 3] === 0x46 && window[i + 4] === 0x2d) {
      return true;
    }
  }
  return false;
}

/** A document is taken for a scan when its pages hold no letter or digit at all (lib/pdf's test). */
export function looksScanned(pageTexts: readonly string[]): boolean {
  try {
    checkHasText(pageTexts.join('\n'));
    return false;
  } catch (error) {
    if (error instanceof PdfProblem && error.kind === 'scanned') return true;
    throw error;
  }
}
