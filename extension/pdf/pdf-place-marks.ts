/**
 * The passage the popup or side panel sent the viewer to (a highlight, a heading), flashed in its page's
 * text layer with a CSS Custom Highlight, once that page is drawn.
 */
import type { PlacePainter } from '@/components/pdf/pdf-tab-services';
import { layerRangeOnPage, pageIndexAt, type LayerRange } from '@/lib/pdf-viewer/document-offsets';
import type { PdfMarkSource } from './pdf-entity-marks';
import { textLayerRange } from './text-layer-range';

const TARGET = 'gloss-pdf-target';

export class PdfPlaceMarks implements PlacePainter {
  private readonly layers = new Map<number, HTMLElement>();
  private place: LayerRange | null = null;

  constructor(private readonly source: PdfMarkSource) {}

  setLayer(page: number, layer: HTMLElement | null): void {
    if (layer) this.layers.set(page, layer);
    else this.layers.delete(page);
    if (this.place?.page === page) this.paint();
  }

  async show(start: number, end: number): Promise<{ page: number; range: () => Range | null } | null> {
    const document = await this.source.documentText();
    const page = pageIndexAt(document.pages, start);
    if (page === null) return null;
    const place = layerRangeOnPage(document.pages[page], await this.source.pageItems(page), start, Math.max(end, start + 1));
    this.place = place;
    this.paint();
    return { page, range: () => this.range() };
  }

  private range(): Range | null {
    const layer = this.place && this.layers.get(this.place.page);
    return this.place && layer ? textLayerRange(layer, this.place.start, this.place.end) : null;
  }

  private paint(): void {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const range = this.range();
    if (range) CSS.highlights.set(TARGET, new Highlight(range));
    else CSS.highlights.delete(TARGET);
  }
}
