import { anchorAll } from '@/lib/anchoring/anchor';
import { describeRange } from '@/lib/anchoring/describe-range';
import { TextIndex } from '@/lib/anchoring/text-index';
import type { HighlightState } from '@/lib/messaging/contract';
import { supersedes } from '@/lib/storage/highlight-edits';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { sendRequest } from '../send-request';
import { createHighlightPainter, HOVER_NAME, NOTED_NAME } from './highlight-painter';
import { rangeContains, rangesOverlap } from './selection';

/** A stored highlight and where it is on the page now. */
export interface PlacedHighlight {
  record: AnnotationRecord;
  range: Range | null;
  /** The text the range held when anchored, to notice when the page changes under it. */
  anchoredText: string;
  start: number;
  end: number;
  status: HighlightState['status'];
}

/** Before this much time since load, a highlight not found yet is "pending" (the page may still be rendering). */
const SETTLE_MS = 1500;

/**
 * The page's highlights: loads them from the background, anchors them in the live text, paints them,
 * and keeps them in place as the page changes.
 */
export class PageHighlights {
  private placed = new Map<string, PlacedHighlight>();
  private readonly painter = createHighlightPainter();
  private readonly loadedAt = performance.now();
  private focusedId: string | null = null;
  private hoveredId: string | null = null;
  /** The colour the open editor is trying on a highlight, painted until the editor closes. */
  private previewing: { id: string; color: HighlightColor } | null = null;

  constructor(private readonly onChange: () => void) {}

  get count(): number {
    return this.placed.size;
  }

  get(id: string): PlacedHighlight | undefined {
    return this.placed.get(id);
  }

  /** Highlights in document order; orphans sit at their stored position. */
  states(): HighlightState[] {
    return [...this.placed.values()]
      .map(({ record, status, start, end }) => ({ record, status, start, end }))
      .sort((a, b) => a.start - b.start);
  }

  /** Fetches this page's highlights and places them. */
  async load(): Promise<void> {
    const records = await sendRequest({ type: 'page-annotations' });
    this.place(records);
  }

  /** Anchors records in the current text; keeps nothing from before, so deletions elsewhere disappear. */
  place(records: AnnotationRecord[]): void {
    const settled = performance.now() - this.loadedAt > SETTLE_MS;
    this.placed.clear();
    if (records.length > 0 && document.body) {
      const index = new TextIndex(document.body);
      anchorAll(
        index,
        records.map((record) => record.target),
      ).forEach((result, i) => {
        const record = records[i];
        if (result.status === 'anchored') {
          const range = index.rangeFor(result.start, result.end);
          this.placed.set(record.id, {
            record,
            range,
            anchoredText: range.toString(),
            start: result.start,
            end: result.end,
            status: 'anchored',
          });
        } else {
          const { start, end } = record.target.position;
          this.placed.set(record.id, { record, range: null, anchoredText: '', start, end, status: settled ? 'orphan' : 'pending' });
        }
      });
    }
    this.repaint();
    this.onChange();
  }

  /** Re-anchors when something may have moved: an unplaced highlight, or text changed under a placed one. */
  needsReanchoring(): boolean {
    for (const item of this.placed.values()) {
      if (!item.range || item.range.toString() !== item.anchoredText) return true;
    }
    return false;
  }

  reanchor(): void {
    this.place([...this.placed.values()].map((item) => item.record));
  }

  /** Describes a selection and stores it as a new highlight (with a note and tags, when merging). */
  async create(range: Range, color: HighlightColor, fields: { note?: string; tags?: string[] } = {}): Promise<AnnotationRecord | null> {
    const target = describeRange(new TextIndex(document.body), range);
    const record = await sendRequest({
      type: 'create-annotation',
      target,
      color,
      ...fields,
      page: { title: document.title, siteName: siteName() },
    });
    if (record) this.showOnSelection(record, range, target.position);
    return record;
  }

  /** Moves a highlight (typically an orphan) onto a new selection. */
  async retarget(id: string, range: Range): Promise<boolean> {
    const target = describeRange(new TextIndex(document.body), range);
    const updated = await sendRequest({ type: 'retarget-annotation', id, target });
    if (!updated) return false;
    this.showOnSelection(updated, range, target.position);
    return true;
  }

  /** Places a record the background just stored for a selection on that selection, and paints it. */
  private showOnSelection(record: AnnotationRecord, range: Range, { start, end }: { start: number; end: number }): void {
    this.placed.set(record.id, { record, range: range.cloneRange(), anchoredText: range.toString(), start, end, status: 'anchored' });
    this.repaint();
    this.onChange();
  }

  /** Takes in a record changed elsewhere (editor, popup) without re-anchoring everything. */
  replaceRecord(record: AnnotationRecord): void {
    const item = this.placed.get(record.id);
    if (!supersedes(record, item?.record)) return;
    if (item) item.record = record;
    this.repaint();
    this.onChange();
  }

  /** Drops every highlight and its paint (Gloss paused on this site). */
  clear(): void {
    this.placed.clear();
    this.focus(null);
    this.painter.clear();
  }

  forget(id: string): void {
    this.placed.delete(id);
    if (this.focusedId === id) this.focus(null);
    this.repaint();
    this.onChange();
  }

  /** The highlight under a text position, if any (the newest wins when they overlap). */
  at(node: Node, offset: number): PlacedHighlight | null {
    let found: PlacedHighlight | null = null;
    for (const item of this.placed.values()) {
      if (!item.range) continue;
      try {
        if (item.range.isPointInRange(node, offset) && (!found || item.record.createdAt > found.record.createdAt)) found = item;
      } catch {
        // Points in another document or a detached node are simply not in any highlight.
      }
    }
    return found;
  }

  /** The placed highlights a range touches: inside one of them, or overlapping some. */
  touching(range: Range): { inside: PlacedHighlight | null; overlapping: PlacedHighlight[] } {
    let inside: PlacedHighlight | null = null;
    const overlapping: PlacedHighlight[] = [];
    for (const item of this.placed.values()) {
      const placed = item.range;
      if (!placed) continue;
      try {
        if (!rangesOverlap(placed, range)) continue;
        if (rangeContains(placed, range) && (!inside || item.record.createdAt > inside.record.createdAt)) inside = item;
        overlapping.push(item);
      } catch {
        // A range in another document touches nothing here.
      }
    }
    return { inside, overlapping };
  }

  /** The placed highlights in document order, for stepping through them. */
  inOrder(): PlacedHighlight[] {
    return [...this.placed.values()].filter((item) => item.range).sort((a, b) => a.start - b.start);
  }

  focus(id: string | null): void {
    this.focusedId = id;
    this.painter.focus(id ? (this.placed.get(id)?.range ?? null) : null);
  }

  /** Lightly marks the highlight under the pointer (or none). */
  hover(id: string | null): void {
    if (id === this.hoveredId) return;
    this.hoveredId = id;
    const range = id ? this.placed.get(id)?.range : null;
    this.painter.decorate(HOVER_NAME, range ? [range] : []);
  }

  /** Paints a highlight in the colour its editor has chosen, until `preview(null)`. */
  preview(change: { id: string; color: HighlightColor } | null): void {
    const same = change?.id === this.previewing?.id && change?.color === this.previewing?.color;
    if (same) return;
    this.previewing = change;
    this.repaint();
  }

  /** Scrolls a highlight into the middle of the view (at once, so its place can be read right after). */
  reveal(id: string): void {
    const range = this.placed.get(id)?.range;
    const element = range && (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement);
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  scrollTo(id: string): boolean {
    const range = this.placed.get(id)?.range;
    if (!range) return false;
    const element = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.focus(id);
    setTimeout(() => {
      if (this.focusedId === id) this.focus(null);
    }, 2000);
    return true;
  }

  private repaint(): void {
    const shown = [...this.placed.values()].filter((item) => item.range);
    const colorOf = (item: PlacedHighlight) => (this.previewing?.id === item.record.id ? this.previewing.color : item.record.color);
    const items = shown.map((item) => ({ range: item.range as Range, layer: colorOf(item) }));
    if (items.length === 0) {
      this.painter.clear();
      this.hoveredId = null;
      return;
    }
    this.painter.paint(items);
    this.painter.decorate(
      NOTED_NAME,
      shown.filter((item) => item.record.note.trim()).map((item) => item.range as Range),
    );
    if (this.hoveredId && !this.placed.get(this.hoveredId)?.range) this.hover(null);
  }
}

function siteName(): string | null {
  const meta = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim();
  return meta || location.hostname.replace(/^www\./, '') || null;
}
