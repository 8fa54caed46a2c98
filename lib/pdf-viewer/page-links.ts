/**
 * A PDF's links, as the viewer lays them over its pages. A link's address comes from the document, so it
 * is untrusted: only web and mail addresses become links (no `javascript:`, `data:`, `file:` or
 * extension addresses, nothing relative), and a link inside the document names a page that exists.
 */

/** Where a link leads: an address on the web (opened in a new tab), or a page of the document (1-based). */
export type PdfLinkTarget = { kind: 'web'; url: string } | { kind: 'page'; pageNumber: number };

/** A link's place on its page, as fractions of the page's width and height from its top left corner. */
export interface PdfLinkPlace {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PdfLink extends PdfLinkPlace {
  target: PdfLinkTarget;
  /** The words under the link on the page, its name for a screen reader; empty when none lie there. */
  words: string;
}

/** A run of the page's text, placed as a link is (fractions of the page). */
export interface PlacedText extends PdfLinkPlace {
  text: string;
}

/** More links on one page are left out: no real page has them, and a made-up one would flood the page with elements. */
export const MAX_LINKS_PER_PAGE = 1_000;

/** The page a link inside the document leads to, or null when it names none of the document's pages. */
export function pageLinkTarget(pageIndex: unknown, pageCount: number): PdfLinkTarget | null {
  return Number.isInteger(pageIndex) && (pageIndex as number) >= 0 && (pageIndex as number) < pageCount
    ? { kind: 'page', pageNumber: (pageIndex as number) + 1 }
    : null;
}

/**
 * A link's place from its rectangle on the page at 100% zoom (two corners, in CSS pixels, in any order),
 * clipped to the page; null when nothing of it is on the page.
 */
export function linkPlace(corners: readonly number[], pageWidth: number, pageHeight: number): PdfLinkPlace | null {
  if (corners.length !== 4 || !corners.every(Number.isFinite) || !(pageWidth > 0) || !(pageHeight > 0)) return null;
  const clip = (value: number, size: number) => Math.min(1, Math.max(0, value / size));
  const left = clip(Math.min(corners[0], corners[2]), pageWidth);
  const right = clip(Math.max(corners[0], corners[2]), pageWidth);
  const top = clip(Math.min(corners[1], corners[3]), pageHeight);
  const bottom = clip(Math.max(corners[1], corners[3]), pageHeight);
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}

/** Longer names are cut: a link drawn over a whole page would otherwise read it all out. */
export const MAX_LINK_WORDS_LENGTH = 200;

/**
 * The words under a link: of each run of text whose middle line crosses the link, the characters whose
 * middle lies inside it (a run's characters taken as evenly spread over its width: close enough to tell
 * the linked words from their line), in the page's order.
 */
export function wordsUnder(place: PdfLinkPlace, runs: readonly PlacedText[]): string {
  const pieces: string[] = [];
  for (const run of runs) {
    const middle = run.top + run.height / 2;
    if (middle < place.top || middle > place.top + place.height) continue;
    const characters = [...run.text];
    const inside = characters.filter((_, i) => {
      const x = run.left + ((i + 0.5) / characters.length) * run.width;
      return x >= place.left && x <= place.left + place.width;
    });
    if (inside.length > 0) pieces.push(inside.join(''));
  }
  const words = pieces.join(' ').replace(/\s+/g, ' ').trim();
  const characters = [...words];
  return characters.length > MAX_LINK_WORDS_LENGTH ? `${characters.slice(0, MAX_LINK_WORDS_LENGTH).join('').trimEnd()}…` : words;
}

/** Where a link leads, in words: its tooltip, and its name for a screen reader when no words lie under it. */
export function linkLabel(target: PdfLinkTarget): string {
  return target.kind === 'page'
    ? `Go to page ${target.pageNumber}`
    : target.url.startsWith('mailto:')
      ? `Write to ${target.url.slice(7)}`
      : target.url;
}
