import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import {
  linkPlace,
  MAX_LINKS_PER_PAGE,
  pageLinkTarget,
  wordsUnder,
  type PdfLink,
  type PdfLinkTarget,
  type PlacedText,
} from '@/lib/pdf-viewer/page-links';
import { webLinkUrl } from '@/lib/url/web-link';

/** What the viewer reads of pdf.js's annotation data for a link. */
interface LinkAnnotation {
  subtype?: unknown;
  rect?: unknown;
  /** Set by pdf.js for a link to an absolute address. */
  url?: unknown;
  /** A destination in the document: its name, or [page reference or index, how to show it, …]. */
  dest?: unknown;
}

/**
 * The page's links to web addresses and to pages of the document, each with the words under it; other
 * actions (scripts, forms, files) are left out.
 */
export async function readPageLinks(document: PDFDocumentProxy, page: PDFPageProxy, text: TextContent): Promise<PdfLink[]> {
  const viewport = page.getViewport({ scale: 1 });
  const annotations = (await page.getAnnotations({ intent: 'display' })) as LinkAnnotation[];
  if (!annotations.some((annotation) => annotation.subtype === 'Link')) return [];
  const runs = placedRuns(text, viewport);
  const links: PdfLink[] = [];
  for (const annotation of annotations) {
    if (links.length === MAX_LINKS_PER_PAGE) break;
    if (annotation.subtype !== 'Link' || !Array.isArray(annotation.rect)) continue;
    const target = await linkTarget(document, annotation);
    if (!target) continue;
    const corners = viewport.convertToViewportRectangle(annotation.rect as number[]) as number[];
    const place = linkPlace(corners, viewport.width, viewport.height);
    if (place) links.push({ ...place, target, words: wordsUnder(place, runs) });
  }
  return links;
}

type Viewport = ReturnType<PDFPageProxy['getViewport']>;

/** The page's runs of text, placed as links are; a run set at an angle is left out (its box is no rectangle). */
function placedRuns(text: TextContent, viewport: Viewport): PlacedText[] {
  const runs: PlacedText[] = [];
  for (const item of text.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, c, , x, y] = item.transform as number[];
    if (Math.abs(b) > 1e-6 * Math.abs(a) || Math.abs(c) > 1e-6 * Math.abs(a) || a <= 0) continue;
    const corners = viewport.convertToViewportRectangle([x, y, x + item.width, y + item.height]) as number[];
    const place = linkPlace(corners, viewport.width, viewport.height);
    if (place) runs.push({ ...place, text: item.str });
  }
  return runs;
}

async function linkTarget(document: PDFDocumentProxy, annotation: LinkAnnotation): Promise<PdfLinkTarget | null> {
  const url = webLinkUrl(annotation.url);
  if (url) return { kind: 'web', url };
  if (annotation.dest === undefined || annotation.dest === null) return null;
  try {
    const destination = typeof annotation.dest === 'string' ? await document.getDestination(annotation.dest) : annotation.dest;
    if (!Array.isArray(destination)) return null;
    const [where] = destination as unknown[];
    const index =
      typeof where === 'number'
        ? where
        : where && typeof where === 'object'
          ? await document.getPageIndex(where as { num: number; gen: number })
          : null;
    return pageLinkTarget(index, document.numPages);
  } catch {
    // A destination that names no page (damaged, or made up): no link.
    return null;
  }
}
