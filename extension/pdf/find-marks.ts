import type { PageMatch } from '@/lib/pdf-viewer/find-in-pages';
import { textLayerRange } from './text-layer-range';

const ALL = 'gloss-pdf-find';
const CURRENT = 'gloss-pdf-find-current';

/**
 * Marks find matches in the text layers with the CSS Custom Highlight API: the layers' text nodes stay
 * as pdf.js made them, and pages drawn later get their marks when they appear.
 */
export class FindMarks {
  private layers = new Map<number, HTMLElement>();
  private matches: readonly PageMatch[] = [];
  private current: number | null = null;

  /** A page's text layer was drawn (or removed, with null). */
  setLayer(page: number, layer: HTMLElement | null): void {
    if (layer) this.layers.set(page, layer);
    else this.layers.delete(page);
    this.paint();
  }

  show(matches: readonly PageMatch[], current: number | null): void {
    this.matches = matches;
    this.current = current;
    this.paint();
  }

  /** The current match's range, once its page's text layer exists. */
  currentRange(): Range | null {
    const match = this.current === null ? undefined : this.matches[this.current];
    const layer = match && this.layers.get(match.page);
    return match && layer ? textLayerRange(layer, match.start, match.end) : null;
  }

  private paint(): void {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const all: Range[] = [];
    const current: Range[] = [];
    this.matches.forEach((match, index) => {
      const layer = this.layers.get(match.page);
      const range = layer && textLayerRange(layer, match.start, match.end);
      if (range) (index === this.current ? current : all).push(range);
    });
    CSS.highlights.set(ALL, new Highlight(...all));
    CSS.highlights.set(CURRENT, new Highlight(...current));
  }
}
