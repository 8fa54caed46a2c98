/**
 * pdf.js text items made by hand, for lib/pdf's tests: a run of text at (x, y) in a font of `size`
 * points, `width` wide (half an em per character unless given), as page.getTextContent() reports them.
 */
import type { PdfTextItem } from '@/lib/pdf/pdf-source';

export function run(str: string, x: number, y: number, options: { size?: number; width?: number; hasEOL?: boolean } = {}): PdfTextItem {
  const size = options.size ?? 10;
  return {
    str,
    transform: [size, 0, 0, size, x, y],
    width: options.width ?? str.length * size * 0.5,
    height: size,
    hasEOL: options.hasEOL ?? false,
    fontName: 'g_d0_f1',
    dir: 'ltr',
  };
}

/** One line of text at `y`, as a single run. */
export const line = (str: string, y: number, size = 10): PdfTextItem => run(str, 72, y, { size });
