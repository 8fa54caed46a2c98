/**
 * The library's display order: pages newest first, each page's highlights in document order.
 *
 * Records arrive in storage order (by id, so at random). Reading 100,000 scattered records costs more than
 * anything done with them, so each is read once, in the order given, into flat arrays (page, position,
 * age, colour, tags); sorting and everything after work on those arrays.
 */
import type { AnnotationRecord, PageRecord } from '../storage/records';
import { HIGHLIGHT_COLORS } from '../storage/records';
import { inlineTagsOfNote } from '../notes/inline-tags';
import { TagTable } from './tag-table';

export interface LibraryOrder {
  /** Newest first (updatedAt, then createdAt, then URL). */
  pages: PageRecord[];
  /** Grouped by page in `pages` order, then by position, age and id. */
  annotations: AnnotationRecord[];
  /** Highlights of page p are annotations[pageStarts[p]] up to annotations[pageStarts[p + 1]]. */
  pageStarts: Int32Array;
  /** The page of each highlight. */
  annotationPage: Int32Array;
  /** Each highlight's colour as its index in HIGHLIGHT_COLORS; NO_COLOR for a value that is none of them. */
  colors: Uint8Array;
  /** Each highlight's tags, rows in display order. */
  tags: TagTable;
  /**
   * annotations[k] was record storageOrder[k] of those given. Reading records in the order given (the
   * order they sit in memory after IndexedDB read them) is up to twice as fast as in display order.
   */
  storageOrder: Int32Array;
}

export const NO_COLOR = 255;

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
export const time = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byNewest(a: PageRecord, b: PageRecord): number {
  return time(b.updatedAt) - time(a.updatedAt) || time(b.createdAt) - time(a.createdAt) || compare(a.url, b.url);
}

/** Highlights as read once, in the order given. */
interface Columns {
  pages: PageRecord[];
  page: Int32Array;
  position: Float64Array;
  created: Float64Array;
  colors: Uint8Array;
  tags: TagTable;
}

/**
 * A highlight whose page record is missing (a damaged or partial import) gets a stand-in page, dated by
 * its highlights, so it can still be found.
 */
function readColumns(pages: readonly PageRecord[], annotations: readonly AnnotationRecord[]): Columns {
  const byUrl = new Map<string, number>();
  const all: PageRecord[] = [];
  for (const page of pages) if (!byUrl.has(page.url)) byUrl.set(page.url, all.push(page) - 1);
  const standIns = new Set<number>();
  const count = annotations.length;
  const columns: Columns = {
    pages: all,
    page: new Int32Array(count),
    position: new Float64Array(count),
    created: new Float64Array(count),
    colors: new Uint8Array(count),
    tags: new TagTable(count),
  };
  for (let i = 0; i < count; i++) {
    const record = annotations[i];
    const url = text(record.pageUrl);
    const created = time(record.createdAt);
    let p = byUrl.get(url);
    if (p === undefined) {
      p = all.push({ url, title: url, siteName: null, createdAt: created, updatedAt: 0, actors: [] }) - 1;
      byUrl.set(url, p);
      standIns.add(p);
    }
    if (standIns.has(p)) {
      all[p].createdAt = Math.min(all[p].createdAt, created);
      all[p].updatedAt = Math.max(all[p].updatedAt, time(record.updatedAt));
    }
    columns.page[i] = p;
    columns.position[i] = time(record.target?.position?.start);
    columns.created[i] = created;
    const color = HIGHLIGHT_COLORS.indexOf(record.color);
    columns.colors[i] = color < 0 ? NO_COLOR : color;
    columns.tags.add(record.tags, inlineTagsOfNote(record.note));
  }
  return columns;
}

export function orderLibrary(pages: readonly PageRecord[], annotations: readonly AnnotationRecord[]): LibraryOrder {
  const columns = readColumns(pages, annotations);
  const pageOrder = [...columns.pages.keys()].sort((a, b) => byNewest(columns.pages[a], columns.pages[b]));
  const rank = new Int32Array(pageOrder.length);
  pageOrder.forEach((p, r) => (rank[p] = r));
  // Counting sort by page, then each page's few highlights by position, age and id.
  const pageStarts = new Int32Array(pageOrder.length + 1);
  for (const p of columns.page) pageStarts[rank[p] + 1]++;
  for (let r = 0; r < pageOrder.length; r++) pageStarts[r + 1] += pageStarts[r];
  const next = pageStarts.slice(0, -1);
  const order = new Int32Array(annotations.length);
  columns.page.forEach((p, i) => (order[next[rank[p]]++] = i));
  const { position, created } = columns;
  const annotationPage = new Int32Array(annotations.length);
  for (let r = 0; r < pageOrder.length; r++) {
    annotationPage.fill(r, pageStarts[r], pageStarts[r + 1]);
    order
      .subarray(pageStarts[r], pageStarts[r + 1])
      .sort((a, b) => position[a] - position[b] || created[a] - created[b] || compare(text(annotations[a].id), text(annotations[b].id)));
  }
  columns.tags.reorder(order);
  const ordered: AnnotationRecord[] = new Array(order.length);
  const colors = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++) {
    ordered[k] = annotations[order[k]];
    colors[k] = columns.colors[order[k]];
  }
  return {
    pages: pageOrder.map((p) => columns.pages[p]),
    annotations: ordered,
    pageStarts,
    annotationPage,
    colors,
    tags: columns.tags,
    storageOrder: order,
  };
}
