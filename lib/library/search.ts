/**
 * Full-text search of the library, fast enough to run on every keystroke over 100,000 highlights.
 *
 * A highlight matches when every needle of the query (query.ts) occurs in its quote, note or tags, or in
 * its page's title, site name or address: "lockbit credential" finds a note about credentials on a page
 * titled "LockBit …". So a page whose own text matches lists all its highlights (flagged `titleMatch`),
 * and is listed even when it has none. Filters then keep highlights by tag and colour, pages by site and
 * actor; with a tag or colour filter, only pages with a highlight that passes are listed.
 *
 * Results come in library order (pages newest first, highlights in document order) whatever the query.
 * Each index remembers its last few queries' matches: a query that only narrows one of them (typing on)
 * searches within its matches, and a repeated one (deleting back) is answered at once.
 */
import { actorKey } from '../entities/entity-key';
import { HIGHLIGHT_COLORS, type AnnotationRecord, type HighlightColor } from '../storage/records';
import { tagKey } from '../storage/tags';
import type { LibraryIndex } from './library-index';
import type { PageSummary } from './page-summary';
import { narrows, parseQuery } from './query';
import { annotationsWith, buildSearchCorpus, inDisplayOrder, indicesOf, pagesWith, type SearchCorpus } from './search-corpus';

export interface SearchFilters {
  /** A tagKey. */
  tag?: string;
  color?: HighlightColor;
  /** A site as PageSummary.site shows it. */
  site?: string;
  /** An actorKey. */
  actor?: string;
}

export interface PageMatch {
  page: PageSummary;
  /** The page's matching highlights, in document order. */
  annotations: AnnotationRecord[];
  /** The page's own title, site name or address holds the whole query. */
  titleMatch: boolean;
}

export interface SearchResult {
  pages: PageMatch[];
  /** Matching highlights over all pages. */
  total: number;
}

interface Remembered {
  needles: string[];
  /** The filters applied (Filter.key), '' for none. */
  filters: string;
  /** Storage indices (SearchCorpus), ascending: the order the text is laid out in. */
  matches: Int32Array;
}

interface SearchState {
  corpus: SearchCorpus;
  /** Most recent first. */
  recent: Remembered[];
  pageHits: Map<string, Uint8Array>;
}

const REMEMBERED_QUERIES = 8;
const REMEMBERED_PAGE_HITS = 64;
const states = new WeakMap<LibraryIndex, SearchState>();

function stateOf(index: LibraryIndex): SearchState {
  let state = states.get(index);
  if (!state) states.set(index, (state = { corpus: buildSearchCorpus(index), recent: [], pageHits: new Map() }));
  return state;
}

/** Folds the library's text for searching now (it takes a moment), rather than on the first keystroke. */
export function prepareSearch(index: LibraryIndex): void {
  stateOf(index);
}

function pageHitsFor(state: SearchState, needle: string): Uint8Array {
  let hits = state.pageHits.get(needle);
  if (!hits) {
    if (state.pageHits.size >= REMEMBERED_PAGE_HITS) state.pageHits.delete(state.pageHits.keys().next().value!);
    state.pageHits.set(needle, (hits = pagesWith(state.corpus, needle)));
  }
  return hits;
}

/** Filters made ready to apply: which pages pass, and a test for highlights (null when none applies). */
interface Filter {
  /** '' when nothing is filtered; equal keys filter alike. */
  key: string;
  pages: Uint8Array;
  /** Null when no filter concerns highlights. */
  annotation: ((k: number) => boolean) | null;
}

function compileFilters(index: LibraryIndex, filters: SearchFilters): Filter {
  const site = filters.site || undefined;
  const actor = filters.actor ? actorKey(filters.actor) : undefined;
  const tagKeyWanted = filters.tag ? tagKey(filters.tag) : undefined;
  const tag = tagKeyWanted === undefined ? undefined : index.tags.idOfKey(tagKeyWanted);
  const color = filters.color ? HIGHLIGHT_COLORS.indexOf(filters.color) : undefined;
  const pages = Uint8Array.from(index.pages, (page) =>
    Number((site === undefined || page.site === site) && (actor === undefined || page.actors.includes(actor))),
  );
  return {
    key: site || actor || tagKeyWanted || color !== undefined ? JSON.stringify([site, actor, tagKeyWanted, color]) : '',
    pages,
    annotation:
      tag !== undefined || color !== undefined
        ? (k) => (color === undefined || index.colors[k] === color) && (tag === undefined || index.tags.has(k, tag))
        : null,
  };
}

/** The highlights that pass the filters, as display indices; ascending. */
function filterDisplayed(index: LibraryIndex, filter: Filter): Int32Array {
  const marks = new Uint8Array(index.annotations.length);
  for (let k = 0; k < marks.length; k++) marks[k] = Number(passes(index, filter, k));
  return indicesOf(marks);
}

function passes(index: LibraryIndex, filter: Filter, k: number): boolean {
  return filter.pages[index.annotationPage[k]] === 1 && (!filter.annotation || filter.annotation(k));
}

/** The stored highlights among `candidates` (all if null) that pass the filters, as storage indices. */
function filterStored(index: LibraryIndex, corpus: SearchCorpus, filter: Filter, candidates: Int32Array | null): Int32Array {
  const { displayIndex } = corpus;
  if (candidates) return candidates.filter((s) => passes(index, filter, displayIndex[s]));
  const marks = new Uint8Array(displayIndex.length);
  for (let s = 0; s < marks.length; s++) marks[s] = Number(passes(index, filter, displayIndex[s]));
  return indicesOf(marks);
}

const sameNeedles = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((n) => b.includes(n));

/**
 * Highlights holding every needle and passing the filters. Starts from the smallest remembered result
 * that the query narrows, with the same filters or none; with filters and nothing remembered, from the
 * highlights that pass them, which is often far fewer than all.
 */
function matches(index: LibraryIndex, state: SearchState, needles: string[], filter: Filter): Int32Array {
  const known = state.recent.find((entry) => entry.filters === filter.key && sameNeedles(entry.needles, needles));
  if (known) return known.matches;
  let base: Remembered | null = null;
  for (const entry of state.recent) {
    const usable = (entry.filters === filter.key || entry.filters === '') && narrows(entry.needles, needles);
    if (usable && (!base || entry.matches.length < base.matches.length)) base = entry;
  }
  let found = base?.matches ?? null;
  if (filter.key && base?.filters !== filter.key) found = filterStored(index, state.corpus, filter, found);
  for (const needle of needles) {
    if (found?.length === 0) break;
    if (base?.needles.includes(needle)) continue;
    found = annotationsWith(state.corpus, index, needle, found, pageHitsFor(state, needle));
  }
  const result = found ?? new Int32Array(0);
  state.recent.unshift({ needles, filters: filter.key, matches: result });
  state.recent.length = Math.min(state.recent.length, REMEMBERED_QUERIES);
  return result;
}

/** Pages whose own text holds every needle. */
function titleMatches(state: SearchState, pageCount: number, needles: string[]): Uint8Array {
  const all = new Uint8Array(pageCount).fill(1);
  for (const needle of needles) {
    const hits = pageHitsFor(state, needle);
    for (let p = 0; p < pageCount; p++) all[p] &= hits[p];
  }
  return all;
}

/** Each page's matching highlights, in display order; undefined for a page without any. */
function groupByPage(index: LibraryIndex, found: Int32Array | null): (AnnotationRecord[] | undefined)[] {
  const { annotations, annotationPage, pageStarts } = index;
  const groups: (AnnotationRecord[] | undefined)[] = new Array(index.pages.length);
  if (!found) {
    for (let p = 0; p < groups.length; p++)
      if (pageStarts[p + 1] > pageStarts[p]) groups[p] = annotations.slice(pageStarts[p], pageStarts[p + 1]);
    return groups;
  }
  for (const k of found) (groups[annotationPage[k]] ??= []).push(annotations[k]);
  return groups;
}

/** Searches the library; an empty query with no filters lists every page with all its highlights. */
export function search(index: LibraryIndex, query: string, filters: SearchFilters = {}): SearchResult {
  const { needles } = parseQuery(query);
  const filter = compileFilters(index, filters);
  let found: Int32Array | null = null;
  let titleHits: Uint8Array | null = null;
  if (needles.length > 0) {
    const state = stateOf(index);
    found = inDisplayOrder(state.corpus, matches(index, state, needles, filter));
    titleHits = titleMatches(state, index.pages.length, needles);
  } else if (filter.key) {
    found = filterDisplayed(index, filter);
  }
  const groups = groupByPage(index, found);
  const result: PageMatch[] = [];
  let total = 0;
  for (let p = 0; p < index.pages.length; p++) {
    const hits = groups[p];
    const titleMatch = titleHits !== null && titleHits[p] === 1;
    const listedWithout = !filter.annotation && (titleHits === null || titleMatch) && filter.pages[p] === 1;
    if (!hits && !listedWithout) continue;
    result.push({ page: index.pages[p], annotations: hits ?? [], titleMatch });
    total += hits?.length ?? 0;
  }
  return { pages: result, total };
}
