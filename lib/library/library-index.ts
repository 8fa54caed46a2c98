/**
 * The library page's view of everything Gloss holds: one summary per page, newest first, the values to
 * filter by with their counts, and the highlights in display order (search.ts searches them).
 *
 * Built in memory from all pages and highlights at once, on the path to the library's first paint, so it
 * does only cheap work per highlight; the folded search text is built later, on the first search
 * (search.ts, prepareSearch). Records may come from an imported backup, so missing or odd fields are
 * read defensively rather than trusted.
 */
import { actorKey } from '../entities/entity-key';
import type { AnnotationRecord, HighlightColor, PageRecord } from '../storage/records';
import { HIGHLIGHT_COLORS } from '../storage/records';
import { buildFacets, type LibraryFacets } from './library-facets';
import { NO_COLOR, orderLibrary, text, time, type LibraryOrder } from './library-order';
import type { PageSummary } from './page-summary';
import { isPdfDocumentKey } from '../pdf/document-key';
import { shownHost } from '../url/site';

export type { FacetValue, LibraryFacets } from './library-facets';

export interface LibraryIndex extends Omit<LibraryOrder, 'pages'> {
  /** Newest first (updatedAt, then createdAt, then URL). */
  pages: readonly PageSummary[];
  facets: LibraryFacets;
}

/** The "site" of PDFs opened from files on this computer. */
export const LOCAL_FILES = 'Local files';

/** The site name the page gave, or its host without "www."; the address itself if it has no host. */
export function siteOf(page: Pick<PageRecord, 'url' | 'siteName'>): string {
  const name = text(page.siteName).trim();
  if (name) return name;
  // A PDF opened from a file is filed under its document key, which has no host.
  if (isPdfDocumentKey(page.url)) return LOCAL_FILES;
  try {
    return shownHost(page.url) || page.url;
  } catch {
    return text(page.url);
  }
}

/** Tag labels by id, each id's place in label order and the reverse, and zeroed space to count ids in. */
interface TagOrder {
  labels: readonly string[];
  labelRanks: Int32Array;
  idsByRank: Int32Array;
  scratch: Int32Array;
}

function tagOrder(labels: readonly string[]): TagOrder {
  const idsByRank = Int32Array.from(labels.keys()).sort((a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0));
  const labelRanks = new Int32Array(labels.length);
  idsByRank.forEach((id, rank) => (labelRanks[id] = rank));
  return { labels, labelRanks, idsByRank, scratch: new Int32Array(labels.length) };
}

/** The tag ids on page p's highlights, most used first, then by label; counted in `scratch`, left zeroed. */
function pageTags(order: LibraryOrder, p: number, { labelRanks, idsByRank, scratch }: TagOrder): number[] {
  const { pageStarts, tags } = order;
  const used: number[] = [];
  for (let i = pageStarts[p]; i < pageStarts[p + 1]; i++) {
    for (let k = tags.starts[i]; k < tags.starts[i + 1]; k++) if (scratch[tags.ids[k]]++ === 0) used.push(tags.ids[k]);
  }
  // One number per tag (uses, then label rank), sorted natively: against a comparator function this took
  // a tenth off the whole build on the bench, whose pages carry dozens of tags.
  const most = pageStarts[p + 1] - pageStarts[p];
  const ranks = labelRanks.length;
  const keys = new Float64Array(used.length);
  for (let k = 0; k < used.length; k++) keys[k] = (most - scratch[used[k]]) * ranks + labelRanks[used[k]];
  keys.sort();
  for (let k = 0; k < used.length; k++) {
    scratch[used[k]] = 0;
    used[k] = idsByRank[keys[k] % ranks];
  }
  return used;
}

function pageColors(order: LibraryOrder, p: number): HighlightColor[] {
  let bits = 0;
  for (let i = order.pageStarts[p]; i < order.pageStarts[p + 1]; i++) if (order.colors[i] !== NO_COLOR) bits |= 1 << order.colors[i];
  return HIGHLIGHT_COLORS.filter((_, bit) => bits & (1 << bit));
}

function summarise(page: PageRecord, order: LibraryOrder, p: number, tagOrder: TagOrder): PageSummary {
  const tagIds = pageTags(order, p, tagOrder);
  const actors = Array.isArray(page.actors) ? [...new Set(page.actors.filter((a) => typeof a === 'string' && a).map(actorKey))] : [];
  return {
    url: page.url,
    title: text(page.title) || page.url,
    siteName: text(page.siteName) || null,
    site: siteOf(page),
    createdAt: time(page.createdAt),
    updatedAt: time(page.updatedAt),
    highlightCount: order.pageStarts[p + 1] - order.pageStarts[p],
    tags: tagIds.map((id) => tagOrder.labels[id]),
    tagKeys: tagIds.map((id) => order.tags.keys[id]),
    colors: pageColors(order, p),
    actors,
    pdf: isPdfDocumentKey(page.url) ? { local: true } : isPdfDocumentKey(page.documentKey) ? { local: false } : null,
  };
}

/**
 * Summaries, facets and display order for the library. `actorNames` maps actorKeys to the names to
 * show; an actor without one is shown by its key.
 */
export function buildLibraryIndex(
  pages: readonly PageRecord[],
  annotations: readonly AnnotationRecord[],
  actorNames: ReadonlyMap<string, string> = new Map(),
): LibraryIndex {
  const order = orderLibrary(pages, annotations);
  const tagUses = order.tags.summary();
  const labels = tagOrder(tagUses.map((tag) => tag.label));
  const summaries = order.pages.map((page, p) => summarise(page, order, p, labels));
  const { pages: _, ...rest } = order;
  return { ...rest, pages: summaries, facets: buildFacets(summaries, order.colors, tagUses, actorNames) };
}
