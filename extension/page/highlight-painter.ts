import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/storage/records';

/** Paint for each colour: translucent, so the page's text colour and selection stay readable. */
export const COLOR_PAINT: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 10, 0.45)',
  green: 'rgba(52, 199, 89, 0.35)',
  blue: 'rgba(64, 156, 255, 0.35)',
  pink: 'rgba(255, 55, 135, 0.30)',
  purple: 'rgba(175, 82, 222, 0.32)',
};

const FOCUS_NAME = 'gloss-focus';
const STYLE_ID = 'gloss-highlight-paint';

function highlightName(color: HighlightColor): string {
  return `gloss-${color}`;
}

/** Whether this browser can paint highlights; without it Gloss still stores them, and says so. */
export function canPaintHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = [
    ...HIGHLIGHT_COLORS.map((color) => `::highlight(${highlightName(color)}) { background-color: ${COLOR_PAINT[color]}; }`),
    `::highlight(${FOCUS_NAME}) { background-color: rgba(255, 149, 0, 0.55); text-decoration: underline 2px rgba(255, 120, 0, 0.9); }`,
  ].join('\n');
  (doc.head ?? doc.documentElement).append(style);
}

/**
 * The one module that changes how the page looks. It paints with the CSS Custom Highlight API, which
 * styles ranges without touching the page's text nodes, so the page's own scripts keep working.
 * Its only DOM change is one <style> element holding the ::highlight() rules.
 */
export class HighlightPainter {
  constructor(private readonly doc: Document = document) {}

  /** Replaces everything painted with these ranges, grouped by colour. */
  paint(items: ReadonlyArray<{ range: Range; color: HighlightColor }>): void {
    if (!canPaintHighlights()) return;
    ensureStyle(this.doc);
    for (const color of HIGHLIGHT_COLORS) {
      const ranges = items.filter((item) => item.color === color).map((item) => item.range);
      if (ranges.length > 0) CSS.highlights.set(highlightName(color), new Highlight(...ranges));
      else CSS.highlights.delete(highlightName(color));
    }
  }

  /** Marks one highlight as the focused one (opened in the editor or scrolled to), or none. */
  focus(range: Range | null): void {
    if (!canPaintHighlights()) return;
    if (range) {
      ensureStyle(this.doc);
      CSS.highlights.set(FOCUS_NAME, new Highlight(range));
    } else {
      CSS.highlights.delete(FOCUS_NAME);
    }
  }

  /** Removes all of Gloss's paint and its style element. */
  clear(): void {
    if (canPaintHighlights()) {
      for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(highlightName(color));
      CSS.highlights.delete(FOCUS_NAME);
    }
    this.doc.getElementById(STYLE_ID)?.remove();
  }
}
