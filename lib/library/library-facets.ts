/**
 * The values the library can be filtered by (tags, colours, sites, actors), each with how many pages and
 * how many highlights carry it, for the filter menus and their counts.
 */
import { COLOR_LABELS, HIGHLIGHT_COLORS } from '../storage/records';
import type { PageSummary } from './page-summary';
import type { TagUse } from './tag-table';

export interface FacetValue {
  /** What a filter takes: a tagKey, a colour, a site as shown, an actorKey. */
  key: string;
  /** What to show. */
  label: string;
  pages: number;
  annotations: number;
  /** A tag's: highlights carrying it as a tag one set, not only as an inline `#tag` in the note. */
  set?: number;
}

export interface LibraryFacets {
  /** Most used first. */
  tags: FacetValue[];
  /** Colours in use, in HIGHLIGHT_COLORS order. */
  colors: FacetValue[];
  /** Most pages first. */
  sites: FacetValue[];
  /** Most pages first. */
  actors: FacetValue[];
}

const byLabel = (a: FacetValue, b: FacetValue): number => {
  const x = a.label.toLowerCase();
  const y = b.label.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
};
const byAnnotations = (a: FacetValue, b: FacetValue): number => b.annotations - a.annotations || b.pages - a.pages || byLabel(a, b);
const byPages = (a: FacetValue, b: FacetValue): number => b.pages - a.pages || b.annotations - a.annotations || byLabel(a, b);

function tagFacets(pages: readonly PageSummary[], tags: readonly TagUse[]): FacetValue[] {
  const values = tags.map(({ key, label, uses, set }): FacetValue => ({ key, label, pages: 0, annotations: uses, set }));
  const byKey = new Map(values.map((value) => [value.key, value]));
  for (const page of pages) for (const key of page.tagKeys) byKey.get(key)!.pages++;
  return values.sort(byAnnotations);
}

/** `colors` holds each highlight's colour as an index in HIGHLIGHT_COLORS (LibraryOrder.colors). */
function colorFacets(pages: readonly PageSummary[], colors: Uint8Array): FacetValue[] {
  const counts = new Array<number>(HIGHLIGHT_COLORS.length).fill(0);
  for (const color of colors) if (color < counts.length) counts[color]++;
  return HIGHLIGHT_COLORS.flatMap((color, c) =>
    counts[c] === 0
      ? []
      : [
          {
            key: color,
            label: COLOR_LABELS[color],
            pages: pages.filter((page) => page.colors.includes(color)).length,
            annotations: counts[c],
          },
        ],
  );
}

/** Counts pages and their highlights under each key a page lists (its site, its actors). */
function pageFacets(
  pages: readonly PageSummary[],
  keysOf: (page: PageSummary) => readonly string[],
  labelOf: (key: string) => string,
): FacetValue[] {
  const values = new Map<string, FacetValue>();
  for (const page of pages) {
    for (const key of keysOf(page)) {
      let value = values.get(key);
      if (!value) values.set(key, (value = { key, label: labelOf(key), pages: 0, annotations: 0 }));
      value.pages++;
      value.annotations += page.highlightCount;
    }
  }
  return [...values.values()].sort(byPages);
}

export function buildFacets(
  pages: readonly PageSummary[],
  colors: Uint8Array,
  tags: readonly TagUse[],
  actorNames: ReadonlyMap<string, string>,
): LibraryFacets {
  return {
    tags: tagFacets(pages, tags),
    colors: colorFacets(pages, colors),
    sites: pageFacets(
      pages,
      (page) => [page.site],
      (site) => site,
    ),
    actors: pageFacets(
      pages,
      (page) => page.actors,
      (key) => actorNames.get(key) || key,
    ),
  };
}
