import { isTextItem, type PdfContentItem, type PdfTextItem } from './pdf-source';

/**
 * A PDF's text as one string, the way Gloss reads an article's text: entity offsets and the W3C
 * TextQuote/TextPosition selectors of highlights count UTF-16 code units in `text`.
 *
 * Each text item's string is copied verbatim, so the text layer's spans map onto it exactly
 * (`itemOffsets`); the breaks between items are inferred from their positions: a space where runs on one
 * line leave a gap, "\n" between lines, "\n\n" between paragraphs and between pages.
 */
export interface PdfDocumentText {
  text: string;
  pages: PdfPageText[];
  /** Every line of every page, in order: the outline is inferred from these. */
  lines: PdfTextLine[];
}

export interface PdfPageText {
  /** Counted from 1, as PDF viewers and `#page=N` do. */
  pageNumber: number;
  /** Where the page's text starts and ends in the document text. */
  start: number;
  end: number;
  /**
   * For each entry of the page's getTextContent().items, in that order, where its string starts in the
   * document text (marked-content entries get the offset they fall at). Item i's text is
   * `text.slice(itemOffsets[i], itemOffsets[i] + items[i].str.length)`.
   */
  itemOffsets: number[];
}

export interface PdfTextLine {
  pageNumber: number;
  start: number;
  end: number;
  /** The largest font size on the line, in PDF units (points). */
  fontSize: number;
  /** Baseline and left edge of the line's first run, in PDF units; y grows upwards. */
  x: number;
  y: number;
}

/** Two runs whose baselines differ by more than this share of the font size are on different lines. */
const NEW_LINE_SHIFT = 0.5;
/** A horizontal gap wider than this share of the font size between two runs is a space. */
const WORD_GAP = 0.15;
/** A baseline gap above this many font sizes starts a new paragraph. */
const PARAGRAPH_GAP = 1.7;
/** Font sizes further apart than this ratio are different kinds of text (heading, body). */
const SIZE_CHANGE = 1.15;

export const PARAGRAPH_BREAK = '\n\n';

function fontSizeOf(item: PdfTextItem): number {
  const [, , c = 0, d = 0] = item.transform;
  const size = Math.hypot(c, d);
  return size > 0 ? size : Math.abs(item.height);
}

interface OpenLine {
  parts: string[];
  itemIndexes: number[];
  /** Offsets of each part within the line's text. */
  partOffsets: number[];
  length: number;
  fontSize: number;
  x: number;
  y: number;
  /** Where the last run ends horizontally and its baseline. */
  endX: number;
  lastY: number;
  lastSize: number;
  endsLine: boolean;
}

function endsWithSpace(text: string): boolean {
  return /\s$/.test(text);
}

function startsWithSpace(text: string): boolean {
  return /^\s/.test(text);
}

/** A line ending "word-" goes on with no break: "Storm-" + "1152" is one name, wrapped at its hyphen. */
function endsWithWrappedHyphen(text: string): boolean {
  return /[\p{L}\p{N}][-\u2010]$/u.test(text);
}

/**
 * Builds the document text page by page, so a caller can show progress and keep only one page's
 * text content in memory at a time. Pages must be added in order.
 */
export class DocumentTextBuilder {
  private chunks: string[] = [];
  private length = 0;
  private readonly pages: PdfPageText[] = [];
  private readonly lines: PdfTextLine[] = [];

  /** Adds the next page's items (getTextContent().items) and returns what was recorded for it. */
  addPage(items: readonly PdfContentItem[]): PdfPageText {
    const pageNumber = this.pages.length + 1;
    const itemOffsets = new Array<number>(items.length).fill(0);
    const pageLines: OpenLine[] = [];
    let line: OpenLine | null = null;
    // Marked-content entries and empty runs: placed where the next text starts, fixed up below.
    const pending: number[] = [];

    items.forEach((item, index) => {
      if (!isTextItem(item) || item.str === '') {
        if (isTextItem(item) && item.hasEOL && line) line.endsLine = true;
        pending.push(index);
        return;
      }
      const size = fontSizeOf(item);
      const x = Number(item.transform[4]) || 0;
      const y = Number(item.transform[5]) || 0;
      const breaks = line !== null && (line.endsLine || Math.abs(y - line.lastY) > NEW_LINE_SHIFT * Math.max(size, line.lastSize));
      if (line === null || breaks) {
        line = {
          parts: [],
          itemIndexes: [],
          partOffsets: [],
          length: 0,
          fontSize: size,
          x,
          y,
          endX: x,
          lastY: y,
          lastSize: size,
          endsLine: false,
        };
        pageLines.push(line);
      } else {
        const previous = line.parts[line.parts.length - 1];
        const gap = x - line.endX;
        if (gap > WORD_GAP * size && !endsWithSpace(previous) && !startsWithSpace(item.str)) {
          line.parts.push(' ');
          line.itemIndexes.push(-1);
          line.partOffsets.push(line.length);
          line.length += 1;
        }
      }
      for (const waiting of pending.splice(0)) {
        line.itemIndexes.push(waiting);
        line.parts.push('');
        line.partOffsets.push(line.length);
      }
      line.parts.push(item.str);
      line.itemIndexes.push(index);
      line.partOffsets.push(line.length);
      line.length += item.str.length;
      line.fontSize = Math.max(line.fontSize, size);
      line.endX = x + (Number(item.width) || 0);
      line.lastY = y;
      line.lastSize = size;
      if (item.hasEOL) line.endsLine = true;
    });

    if (this.pages.length > 0) this.append(PARAGRAPH_BREAK);
    const start = this.length;
    let previous: OpenLine | null = null;
    for (const open of pageLines) {
      if (previous) this.append(this.separator(previous, open));
      const lineStart = this.length;
      open.parts.forEach((_part, i) => {
        const itemIndex = open.itemIndexes[i];
        if (itemIndex >= 0) itemOffsets[itemIndex] = lineStart + open.partOffsets[i];
      });
      this.append(open.parts.join(''));
      this.lines.push({ pageNumber, start: lineStart, end: this.length, fontSize: open.fontSize, x: open.x, y: open.y });
      previous = open;
    }
    // Entries after the last text (or on a page without text) sit at the page's end.
    for (const waiting of pending) itemOffsets[waiting] = this.length;
    const page: PdfPageText = { pageNumber, start, end: this.length, itemOffsets };
    this.pages.push(page);
    return page;
  }

  private separator(previous: OpenLine, next: OpenLine): string {
    const lastPart = previous.parts[previous.parts.length - 1] ?? '';
    if (endsWithWrappedHyphen(lastPart)) return '';
    const size = Math.max(previous.lastSize, next.fontSize);
    const drop = previous.lastY - next.y;
    const sizeRatio = Math.max(previous.fontSize, next.fontSize) / Math.max(1e-6, Math.min(previous.fontSize, next.fontSize));
    // Moving up the page is a new column or a float: a new paragraph too.
    if (drop < 0 || drop > PARAGRAPH_GAP * size || sizeRatio > SIZE_CHANGE) return PARAGRAPH_BREAK;
    return '\n';
  }

  private append(text: string): void {
    if (text === '') return;
    this.chunks.push(text);
    this.length += text.length;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** The text so far; pages added later go on after it, so offsets into it stay valid. */
  build(): PdfDocumentText {
    const text = this.chunks.join('');
    this.chunks = [text];
    return { text, pages: [...this.pages], lines: [...this.lines] };
  }
}

/** The document text of pages given all at once (tests, small documents). */
export function buildDocumentText(pages: readonly (readonly PdfContentItem[])[]): PdfDocumentText {
  const builder = new DocumentTextBuilder();
  for (const items of pages) builder.addPage(items);
  return builder.build();
}

/** The page (counted from 1) that holds the text offset; an offset between pages belongs to the next page. */
export function pageAtOffset(document: Pick<PdfDocumentText, 'pages'>, offset: number): number | null {
  const { pages } = document;
  if (pages.length === 0) return null;
  let low = 0;
  let high = pages.length - 1;
  // The last page whose start is at or before the offset.
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pages[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return pages[low].pageNumber;
}
