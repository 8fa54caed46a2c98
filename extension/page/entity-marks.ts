import { TextIndex } from '@/lib/anchoring/text-index';
import { locateMentions } from '@/lib/entities/locate-mentions';
import type { EntityMark } from '@/lib/messaging/contract';
import { createEntityPainter } from './entity-painter';

/** What the entity marker offers the background, through the content scripts' shared global. */
export interface EntityMarkerApi {
  mark: (marks: EntityMark[], focus: number | null) => { located: boolean[] };
  focus: (index: number) => { found: boolean };
  clear: () => { ok: boolean };
}

/**
 * The global the marker is published under. The background's functions run in the page (serialised, so
 * they cannot import KEY) read it by this name; typing both sides with it keeps the name in step.
 */
export interface EntityMarkerGlobal {
  __glossEntityMarker?: EntityMarkerApi;
}

const KEY: keyof EntityMarkerGlobal = '__glossEntityMarker';

export function publishedEntityMarker(): EntityMarkerApi | undefined {
  return (globalThis as EntityMarkerGlobal)[KEY];
}

export function publishEntityMarker(api: EntityMarkerApi): void {
  (globalThis as EntityMarkerGlobal)[KEY] = api;
}

function scrollToRange(range: Range): void {
  const element = range.startContainer.parentElement;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element?.scrollIntoView({ behavior: reduceMotion || document.visibilityState !== 'visible' ? 'auto' : 'smooth', block: 'center' });
}

/**
 * The article's entity mentions marked in the live page. Marks are found by their words and context
 * (lib/entities/locate-mentions.ts), so only the article's own mentions are marked, never a teaser's.
 */
export function createEntityMarker(doc: Document = document): EntityMarkerApi {
  const painter = createEntityPainter(doc);
  let ranges: (Range | null)[] = [];

  const focus = (index: number) => {
    const range = ranges[index] ?? null;
    painter.focus(range);
    if (range) scrollToRange(range);
    return { found: range !== null };
  };

  return {
    mark(marks, focusIndex) {
      const index = new TextIndex(doc.body ?? doc.documentElement);
      const places = locateMentions(
        index.text,
        marks.map((mark) => mark.quote),
      );
      ranges = places.map((place) => (place ? index.rangeFor(place.start, place.end) : null));
      painter.paint(marks.flatMap((mark, i) => (ranges[i] ? [{ range: ranges[i]!, layer: mark.kind }] : [])));
      painter.focus(null);
      if (focusIndex !== null) focus(focusIndex);
      return { located: ranges.map((range) => range !== null) };
    },
    focus,
    clear() {
      ranges = [];
      painter.clear();
      return { ok: true };
    },
  };
}
