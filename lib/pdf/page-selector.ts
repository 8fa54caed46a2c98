import { PDF_FRAGMENT_SPEC, type PageFragmentSelector } from '../anchoring/types';

export { PDF_FRAGMENT_SPEC };

/** No PDF Gloss reads has more pages (pdf-problems.ts keeps far fewer); a larger number is not a page. */
const MAX_PAGE_NUMBER = 1_000_000;
const PAGE_VALUE = /^page=(\d{1,7})$/;

export function isPageNumber(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PAGE_NUMBER;
}

/** The FragmentSelector for a page (from 1): { type: "FragmentSelector", value: "page=N", conformsTo: RFC 3778 }. */
export function pageFragmentSelector(pageNumber: number): PageFragmentSelector {
  if (!isPageNumber(pageNumber)) throw new RangeError(`${pageNumber} is not a page number`);
  return { type: 'FragmentSelector', value: `page=${pageNumber}`, conformsTo: PDF_FRAGMENT_SPEC };
}

/** The page a `page=N` fragment names, or null for any other fragment (only "page=N" is Gloss's form). */
export function pageOfFragment(value: string): number | null {
  const match = PAGE_VALUE.exec(value);
  if (!match) return null;
  const page = Number(match[1]);
  return isPageNumber(page) ? page : null;
}

/** The address of a page of a PDF: `<url>#page=N`, which PDF viewers (pdf.js, Chrome's, Gloss's) open at that page. */
export function pageLink(url: string, pageNumber: number): string {
  const parsed = new URL(url);
  parsed.hash = `page=${pageNumber}`;
  return parsed.href;
}
