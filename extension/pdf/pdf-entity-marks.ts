/**
 * Entity mentions marked in the viewer's text layers, as extension/page/entity-marks.ts marks them in a
 * web page: the same painter (one CSS Custom Highlight per kind, and the focused one), the same finding of
 * each mention by its words and context (lib/entities/locate-mentions.ts), here in the document text the
 * viewer read, the very text the background scanned. Pages are drawn lazily, so the marks are kept as
 * document offsets and painted on each page's text layer as it appears.
 */
import { locateMentions } from '@/lib/entities/locate-mentions';
import type { EntityKind } from '@/lib/entities/types';
import type { EntityMark } from '@/lib/messaging/contract';
import type { PdfDocumentText } from '@/lib/pdf/document-text';
import { layerRangeOnPage, pageIndexAt, type LayerRange } from '@/lib/pdf-viewer/document-offsets';
import type { PageTextItem } from '@/lib/pdf-viewer/page-text';
import { createEntityPainter } from '../page/entity-painter';
import { textLayerRange } from './text-layer-range';

export interface PdfMarkSource {
  documentText: () => Promise<PdfDocumentText>;
  pageItems: (index: number) => Promise<readonly PageTextItem[]>;
}

interface Placed {
  kind: EntityKind;
  place: LayerRange | null;
}

export class PdfEntityMarks {
  private readonly painter = createEntityPainter(document);
  private readonly layers = new Map<number, HTMLElement>();
  private marks: Placed[] = [];
  private focused: number | null = null;

  constructor(private readonly source: PdfMarkSource) {}

  /** A page's text layer was drawn (or removed, with null): its marks are painted on it. */
  setLayer(page: number, layer: HTMLElement | null): void {
    if (layer) this.layers.set(page, layer);
    else this.layers.delete(page);
    if (this.marks.length > 0) this.paint();
  }

  /** Finds the mentions in the document text and paints those whose pages are drawn; says which were found. */
  async mark(marks: readonly EntityMark[]): Promise<boolean[]> {
    const document = await this.source.documentText();
    const places = locateMentions(
      document.text,
      marks.map((mark) => mark.quote),
    );
    this.marks = await Promise.all(
      marks.map(async (mark, index) => {
        const found = places[index];
        const page = found ? pageIndexAt(document.pages, found.start) : null;
        if (!found || page === null) return { kind: mark.kind, place: null };
        const place = layerRangeOnPage(document.pages[page], await this.source.pageItems(page), found.start, found.end);
        return { kind: mark.kind, place };
      }),
    );
    this.focused = null;
    this.paint();
    return this.marks.map((mark) => mark.place !== null);
  }

  /** The page (0-based) mention `index` is on, after marking it as the focused one; null when it was not found. */
  focus(index: number): number | null {
    const place = this.marks[index]?.place ?? null;
    this.focused = place ? index : null;
    this.paint();
    return place ? place.page : null;
  }

  /** The focused mention's range, once its page's text layer is drawn. */
  focusedRange(): Range | null {
    return this.focused === null ? null : this.rangeOf(this.marks[this.focused]?.place ?? null);
  }

  clear(): void {
    this.marks = [];
    this.focused = null;
    this.painter.clear();
  }

  shown(): boolean {
    return this.marks.some((mark) => mark.place !== null);
  }

  private rangeOf(place: LayerRange | null): Range | null {
    const layer = place && this.layers.get(place.page);
    return place && layer ? textLayerRange(layer, place.start, place.end) : null;
  }

  private paint(): void {
    const items = this.marks.flatMap((mark) => {
      const range = this.rangeOf(mark.place);
      return range ? [{ range, layer: mark.kind }] : [];
    });
    this.painter.paint(items);
    this.painter.focus(this.focusedRange());
  }
}
