import { headingElements, normalizeHeadingText, type FoundHeading } from './headings';

/**
 * One entry of the outline. `liveIndex` is the heading's position among all h1–h6 elements of the live
 * page, so the popup can scroll to it; null when the live page has no heading with that text.
 */
export interface OutlineItem {
  level: number;
  text: string;
  liveIndex: number | null;
}

/** Headings of the live page with their index among all heading elements (empty headings skipped). */
export function liveHeadings(doc: Document): OutlineItem[] {
  const items: OutlineItem[] = [];
  headingElements(doc.body ?? doc).forEach((element, index) => {
    const text = normalizeHeadingText(element.textContent ?? '');
    if (text) items.push({ level: Number(element.tagName[1]), text, liveIndex: index });
  });
  return items;
}

/**
 * Places the extracted article's headings on the live page. Readability's copy is not trusted for
 * levels (it turns h1 into h2), so each heading takes the level of the live heading it matches.
 * Matching walks forward in document order, so a repeated heading text maps to successive occurrences.
 */
export function alignWithLivePage(articleHeadings: FoundHeading[], live: OutlineItem[]): OutlineItem[] {
  let cursor = 0;
  return articleHeadings.map((heading) => {
    for (let i = cursor; i < live.length; i++) {
      if (live[i].text === heading.text) {
        cursor = i + 1;
        return { ...live[i] };
      }
    }
    return { level: heading.level, text: heading.text, liveIndex: null };
  });
}
