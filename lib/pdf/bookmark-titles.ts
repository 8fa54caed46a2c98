import { normalizeHeadingText } from '../outline/headings';
import type { PdfDocumentText } from './document-text';
import type { PdfOutlineItem } from './pdf-outline';

/** Bookmark titles longer than this are not looked up in the text (they are not headings anyone set). */
const MAX_LOOKUP = 300;
/**
 * Characters of page text searched in all, at most: a hostile PDF with a thousand bookmarks on huge pages
 * keeps its titles as written rather than costing seconds.
 */
const SEARCH_BUDGET = 20_000_000;

/**
 * Bookmark titles as the page prints them. Some writers (Chromium's printer among them) join a heading's
 * wrapped lines without a space ("Seizure ofInfrastructure"); when the title, spaces aside, is on its
 * page, the page's own words (with their spaces) replace it. A title not found stays as it is.
 */
export function repairBookmarkTitles(outline: readonly PdfOutlineItem[], document: PdfDocumentText): PdfOutlineItem[] {
  const compactPages = new Map<number, { compact: string; origins: number[] }>();
  const compactPage = (pageNumber: number) => {
    let found = compactPages.get(pageNumber);
    if (!found) {
      const page = document.pages[pageNumber - 1];
      const origins: number[] = [];
      let compact = '';
      if (page) {
        for (let i = page.start; i < page.end; i++) {
          const char = document.text[i];
          if (/\s/.test(char)) continue;
          compact += char;
          origins.push(i);
        }
      }
      found = { compact, origins };
      compactPages.set(pageNumber, found);
    }
    return found;
  };
  let budget = SEARCH_BUDGET;
  return outline.map((item) => {
    if (item.pageNumber === null || item.text.length > MAX_LOOKUP) return item;
    const page = document.pages[item.pageNumber - 1];
    if (!page || page.end - page.start > budget) return item;
    budget -= page.end - page.start;
    const wanted = item.text.replace(/\s+/g, '');
    if (!wanted) return item;
    const { compact, origins } = compactPage(item.pageNumber);
    const at = compact.indexOf(wanted);
    if (at < 0) return item;
    const start = origins[at];
    const end = origins[at + wanted.length - 1] + 1;
    const text = normalizeHeadingText(document.text.slice(start, end));
    return text === item.text ? item : { ...item, text };
  });
}
