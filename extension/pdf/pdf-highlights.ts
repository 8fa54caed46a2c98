import type { PdfView } from '@/components/pdf/pdf-view';
import type { HighlightState } from '@/lib/messaging/contract';
import { pageAtOffset, type PdfDocumentText } from '@/lib/pdf/document-text';
import { anchorAllInPdf, describePdfOffsets } from '@/lib/pdf/pdf-anchoring';
import { layerRangeOnPage } from '@/lib/pdf-viewer/document-offsets';
import { layerItemsOf, type LayerItems } from '@/lib/pdf-viewer/text-layer-offsets';
import { supersedes } from '@/lib/storage/highlight-edits';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { createHighlightPainter, HOVER_NAME, NOTED_NAME } from '../page/highlight-painter';
import { sendRequest } from '../send-request';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { shownHost } from '@/lib/url/site';
import { textLayerRange } from './text-layer-range';

/** A stored highlight and where it is in the document text now (null offsets until the text is read). */
export interface PlacedPdfHighlight {
  record: AnnotationRecord;
  status: HighlightState['status'];
  start: number;
  end: number;
}

/** Where the viewer was opened from, and which document it shows: what its highlights are filed under. */
export interface PdfDocumentRef {
  documentKey: string;
  /** The http(s) address the PDF came from, or null for a local file. */
  address: string | null;
  title: string;
}

interface DrawnLayer {
  layer: HTMLElement;
  items: LayerItems;
}

/**
 * The PDF's highlights in the viewer: loaded from the background by document key and address, anchored
 * in the whole document text once it is read (lib/pdf/pdf-anchoring.ts), and painted with the CSS Custom
 * Highlight API on each page's text layer while that page is drawn (pages come and go as the reader
 * scrolls). Offsets are the document text's throughout; ranges exist only for drawn pages.
 */
export class PdfHighlights {
  private records: AnnotationRecord[] = [];
  private placed = new Map<string, PlacedPdfHighlight>();
  private text: PdfDocumentText | null = null;
  private readonly layers = new Map<number, DrawnLayer>();
  private readonly painter = createHighlightPainter();
  private focusedId: string | null = null;
  private hoveredId: string | null = null;
  private previewing: { id: string; color: HighlightColor } | null = null;

  constructor(
    private readonly view: PdfView,
    private readonly document: PdfDocumentRef,
    private readonly onChange: () => void,
  ) {}

  /** Fetches the PDF's highlights and places them (pending until the text is read). */
  async load(): Promise<void> {
    const { documentKey, address } = this.document;
    this.records = await sendRequest({ type: 'pdf-annotations', documentKey, address });
    this.place();
  }

  /** The whole document text is read: anchor every highlight in it. */
  setText(text: PdfDocumentText): void {
    this.text = text;
    this.place();
  }

  get documentText(): PdfDocumentText | null {
    return this.text;
  }

  /** A page's text layer was drawn (or removed, with null): its highlights are painted on it. */
  async setLayer(index: number, layer: HTMLElement | null): Promise<void> {
    if (!layer) {
      if (this.layers.delete(index)) this.repaint();
      return;
    }
    const items = layerItemsOf(await this.view.pageItems(index));
    if (!layer.isConnected) return;
    this.layers.set(index, { layer, items });
    this.repaint();
  }

  private place(): void {
    const started = performance.now();
    this.placed.clear();
    const results = this.text
      ? anchorAllInPdf(
          this.text,
          this.records.map((record) => record.target),
        )
      : null;
    this.records.forEach((record, i) => {
      const result = results?.[i];
      if (result?.status === 'anchored') this.placed.set(record.id, { record, status: 'anchored', start: result.start, end: result.end });
      else {
        const { start, end } = record.target.position;
        this.placed.set(record.id, { record, status: results ? 'orphan' : 'pending', start, end });
      }
    });
    this.repaint();
    // The benchmark's measure (bench/runners/pdf-viewer.ts): anchoring every stored highlight in the whole
    // text and painting those on the drawn pages, on the viewer's thread.
    if (results && this.records.length > 0) {
      performance.measure('gloss-pdf-highlights-placed', {
        start: started,
        detail: { count: this.records.length, anchored: this.inOrder().length },
      });
    }
    this.onChange();
  }

  /** Stores the document text [start, end) as a new highlight, and paints it. */
  async create(
    start: number,
    end: number,
    color: HighlightColor,
    fields: { note?: string; tags?: string[] } = {},
  ): Promise<AnnotationRecord> {
    const text = this.text ?? (await this.view.documentText());
    const target = describePdfOffsets(text, start, end);
    const { documentKey, address, title } = this.document;
    const record = await sendRequest({
      type: 'create-pdf-annotation',
      documentKey,
      address,
      target,
      color,
      ...fields,
      page: { title, siteName: address === null ? null : shownHost(address) },
    });
    if (!record) throw new Error('The highlight was not stored.');
    this.records.push(record);
    this.placed.set(record.id, { record, status: 'anchored', start: target.position.start, end: target.position.end });
    this.repaint();
    this.onChange();
    return record;
  }

  /** The drawn page's items as its text layer counts them, or undefined when the page is not drawn. */
  layerItemsOf(index: number): LayerItems | undefined {
    return this.layers.get(index)?.items;
  }

  /** Whether a change announced for `pageUrl` concerns this PDF (its page, its address or its key). */
  isFiledUnder(pageUrl: string): boolean {
    const { documentKey, address } = this.document;
    return (
      pageUrl === documentKey ||
      (address !== null && pageUrl === normalizePageUrl(address)) ||
      this.records.some((record) => record.pageUrl === pageUrl)
    );
  }

  get(id: string): PlacedPdfHighlight | undefined {
    return this.placed.get(id);
  }

  /** Takes in a record changed in the editor, without anchoring again. */
  replaceRecord(record: AnnotationRecord): void {
    const held = this.records.find((each) => each.id === record.id);
    if (!supersedes(record, held)) return;
    this.records = this.records.map((each) => (each.id === record.id ? record : each));
    const item = this.placed.get(record.id);
    if (item) item.record = record;
    this.repaint();
    this.onChange();
  }

  forget(id: string): void {
    this.records = this.records.filter((record) => record.id !== id);
    this.placed.delete(id);
    if (this.focusedId === id) this.focus(null);
    this.repaint();
    this.onChange();
  }

  /** Highlights in document order, orphans at their stored position (what the popup lists). */
  states(): HighlightState[] {
    return [...this.placed.values()]
      .map(({ record, status, start, end }) => ({ record, status, start, end }))
      .sort((a, b) => a.start - b.start);
  }

  /** The anchored highlights in document order, for stepping through them. */
  inOrder(): PlacedPdfHighlight[] {
    return [...this.placed.values()].filter((item) => item.status === 'anchored').sort((a, b) => a.start - b.start);
  }

  /** The highlight at a document offset (the newest where they overlap). */
  at(offset: number): PlacedPdfHighlight | null {
    let found: PlacedPdfHighlight | null = null;
    for (const item of this.inOrder()) {
      if (offset >= item.start && offset < item.end && (!found || item.record.createdAt > found.record.createdAt)) found = item;
    }
    return found;
  }

  /** The highlights a selection of document text touches: one holding all of it, and every one it overlaps. */
  touching(start: number, end: number): { inside: PlacedPdfHighlight | null; overlapping: PlacedPdfHighlight[] } {
    let inside: PlacedPdfHighlight | null = null;
    const overlapping: PlacedPdfHighlight[] = [];
    for (const item of this.inOrder()) {
      if (item.start >= end || item.end <= start) continue;
      overlapping.push(item);
      if (item.start <= start && item.end >= end && (!inside || item.record.createdAt > inside.record.createdAt)) inside = item;
    }
    return { inside, overlapping };
  }

  /** The highlight's ranges on the pages drawn now (one per page it spans). */
  rangesOf(id: string): Range[] {
    const item = this.placed.get(id);
    if (!item || item.status !== 'anchored' || !this.text) return [];
    const ranges: Range[] = [];
    for (const [index, drawn] of this.layers) {
      const page = this.text.pages[index];
      if (!page || page.end <= item.start || page.start >= item.end) continue;
      const span = layerRangeOnPage(page, drawn.items.items, item.start, item.end);
      const range = span && textLayerRange(drawn.layer, span.start, span.end);
      if (range) ranges.push(range);
    }
    return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  }

  /** The page (0-based) a highlight starts on, or null before the text is read. */
  pageIndexOf(id: string): number | null {
    const item = this.placed.get(id);
    if (!item || !this.text) return null;
    const page = pageAtOffset(this.text, item.start);
    return page === null ? null : page - 1;
  }

  focus(id: string | null): void {
    this.focusedId = id;
    const ranges = id ? this.rangesOf(id) : [];
    // The focus layer marks one range: the passage's first line's page is where the eye goes.
    this.painter.focus(ranges[0] ?? null);
  }

  /** Lightly marks the highlight under the pointer (or none). */
  hover(id: string | null): void {
    if (id === this.hoveredId) return;
    this.hoveredId = id;
    this.painter.decorate(HOVER_NAME, id ? this.rangesOf(id) : []);
  }

  /** Paints a highlight in the colour its editor has chosen, until `preview(null)`. */
  preview(change: { id: string; color: HighlightColor } | null): void {
    if (change?.id === this.previewing?.id && change?.color === this.previewing?.color) return;
    this.previewing = change;
    this.repaint();
  }

  clear(): void {
    this.layers.clear();
    this.painter.clear();
  }

  private repaint(): void {
    const items: { range: Range; layer: HighlightColor }[] = [];
    const noted: Range[] = [];
    for (const item of this.placed.values()) {
      if (item.status !== 'anchored') continue;
      const color = this.previewing?.id === item.record.id ? this.previewing.color : item.record.color;
      for (const range of this.rangesOf(item.record.id)) {
        items.push({ range, layer: color });
        if (item.record.note.trim()) noted.push(range);
      }
    }
    if (items.length === 0) {
      this.painter.clear();
      this.hoveredId = null;
      return;
    }
    this.painter.paint(items);
    this.painter.decorate(NOTED_NAME, noted);
    if (this.focusedId) this.painter.focus(this.rangesOf(this.focusedId)[0] ?? null);
    if (this.hoveredId) this.painter.decorate(HOVER_NAME, this.rangesOf(this.hoveredId));
  }
}
