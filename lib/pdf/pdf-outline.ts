import { normalizeHeadingText } from '../outline/headings';
import type { OutlineItem } from '../outline/live-outline';
import type { PdfDocumentText, PdfTextLine } from './document-text';
import type { PdfDocumentSource, PdfOutlineNode, PdfRef } from './pdf-source';

/**
 * An outline entry of a PDF: the article outline's shape (level, text; `liveIndex` is always null, there
 * are no heading elements), plus the page it leads to and, for inferred headings, where it is in the text.
 */
export interface PdfOutlineItem extends OutlineItem {
  liveIndex: null;
  /** Counted from 1; null for a bookmark whose destination cannot be resolved. */
  pageNumber: number | null;
  /** Offset of the heading in the document text, for headings inferred from the text. */
  offset?: number;
}

export type PdfOutlineSource = 'bookmarks' | 'headings';

/** Deeper levels are shown at this level, as HTML stops at h6. */
const MAX_LEVEL = 6;
/** A hostile PDF can hold millions of bookmarks; no one reads an outline this long. */
export const MAX_OUTLINE_ENTRIES = 1_000;
const MAX_HEADING_TEXT = 300;

function cleanTitle(title: unknown): string {
  const text = normalizeHeadingText(typeof title === 'string' ? title : '');
  return text.length > MAX_HEADING_TEXT ? `${text.slice(0, MAX_HEADING_TEXT - 1)}…` : text;
}

function isRef(value: unknown): value is PdfRef {
  return typeof value === 'object' && value !== null && Number.isInteger((value as PdfRef).num) && Number.isInteger((value as PdfRef).gen);
}

/** The page (from 1) a bookmark's destination points at, or null when it points nowhere readable. */
async function destinationPage(doc: PdfDocumentSource, dest: PdfOutlineNode['dest']): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target = explicit?.[0];
    let index: number | null = null;
    if (isRef(target)) index = await doc.getPageIndex(target);
    else if (Number.isInteger(target)) index = target as number;
    return index !== null && index >= 0 && index < doc.numPages ? index + 1 : null;
  } catch {
    return null;
  }
}

/**
 * The PDF's bookmarks (getOutline) as a flat, document-ordered outline: level is the depth (top level 1).
 * Empty titles are skipped; at most MAX_OUTLINE_ENTRIES entries. Returns [] when the PDF has none.
 */
export async function outlineFromBookmarks(doc: PdfDocumentSource): Promise<PdfOutlineItem[]> {
  const roots = await doc.getOutline().catch(() => null);
  if (!roots) return [];
  const found: PdfOutlineItem[] = [];
  const visit = async (nodes: readonly PdfOutlineNode[], depth: number): Promise<void> => {
    for (const node of nodes) {
      if (found.length >= MAX_OUTLINE_ENTRIES) return;
      const text = cleanTitle(node.title);
      if (text) found.push({ level: Math.min(depth, MAX_LEVEL), text, liveIndex: null, pageNumber: await destinationPage(doc, node.dest) });
      if (Array.isArray(node.items)) await visit(node.items, depth + 1);
    }
  };
  await visit(roots, 1);
  return found;
}

/** A heading is set clearly larger than the body text: at least this many times its size. */
export const HEADING_SIZE_RATIO = 1.15;
/** Longer lines are text set large (a pull quote, a title page's blurb), not headings. */
const MAX_HEADING_LINE = 200;
/** A line whose text (digits aside) recurs on this share of pages, at least 3, is a running header or footer. */
const RUNNING_SHARE = 0.3;

const roundSize = (size: number): number => Math.round(size * 2) / 2;

/** Running headers and footers repeat with changing page numbers: compare them without digits. */
function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The size most of the text is set in: the median font size, each line weighted by its length. */
export function bodyFontSize(lines: readonly PdfTextLine[]): number | null {
  const weighted = lines.filter((line) => line.end > line.start).map((line) => ({ size: line.fontSize, weight: line.end - line.start }));
  if (weighted.length === 0) return null;
  weighted.sort((a, b) => a.size - b.size);
  const half = weighted.reduce((sum, entry) => sum + entry.weight, 0) / 2;
  let seen = 0;
  for (const entry of weighted) {
    seen += entry.weight;
    if (seen >= half) return entry.size;
  }
  return weighted[weighted.length - 1].size;
}

function runningLines(document: PdfDocumentText): Set<string> {
  const pagesByKey = new Map<string, Set<number>>();
  for (const line of document.lines) {
    const key = runningKey(document.text.slice(line.start, line.end));
    if (!key) continue;
    let pages = pagesByKey.get(key);
    if (!pages) pagesByKey.set(key, (pages = new Set()));
    pages.add(line.pageNumber);
  }
  const threshold = Math.max(3, RUNNING_SHARE * document.pages.length);
  return new Set([...pagesByKey].filter(([, pages]) => pages.size >= threshold).map(([key]) => key));
}

/**
 * Headings inferred from the text when the PDF has no bookmarks: lines set clearly larger than the body
 * (HEADING_SIZE_RATIO), short, holding a letter, and not repeated across pages as running headers and
 * footers do. A heading wrapped over two lines of one size is one entry. Larger sizes are higher levels.
 */
export function inferOutline(document: PdfDocumentText): PdfOutlineItem[] {
  const body = bodyFontSize(document.lines);
  if (body === null) return [];
  const running = runningLines(document);
  const candidates: { text: string; size: number; pageNumber: number; offset: number; end: number; y: number }[] = [];
  for (const line of document.lines) {
    if (line.fontSize < body * HEADING_SIZE_RATIO) continue;
    const raw = document.text.slice(line.start, line.end);
    const text = normalizeHeadingText(raw);
    if (!text || text.length > MAX_HEADING_LINE || !/\p{L}/u.test(text) || running.has(runningKey(raw))) continue;
    const size = roundSize(line.fontSize);
    const last = candidates[candidates.length - 1];
    // The next line of the same heading: same size, same page, nothing between them but a line break.
    const between = last ? document.text.slice(last.end, line.start) : '';
    if (
      last &&
      last.size === size &&
      last.pageNumber === line.pageNumber &&
      /^\s*$/.test(between) &&
      !between.includes('\n\n') &&
      last.text.length + text.length <= MAX_HEADING_LINE
    ) {
      last.text = `${last.text} ${text}`;
      last.end = line.end;
      continue;
    }
    candidates.push({ text, size, pageNumber: line.pageNumber, offset: line.start, end: line.end, y: line.y });
    if (candidates.length >= MAX_OUTLINE_ENTRIES) break;
  }
  const sizes = [...new Set(candidates.map((candidate) => candidate.size))].sort((a, b) => b - a);
  return candidates.map((candidate) => ({
    level: Math.min(sizes.indexOf(candidate.size) + 1, MAX_LEVEL),
    text: cleanTitle(candidate.text),
    liveIndex: null,
    pageNumber: candidate.pageNumber,
    offset: candidate.offset,
  }));
}
