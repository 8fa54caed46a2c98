import type { HighlightPlaces } from '../highlighting/highlight-places';
import type { PageHighlights } from './page-highlights';
import { unionRange } from './selection';

/** A web page's highlights for the shared flows: a highlight sits at a Range in the live page. */
export function pageHighlightPlaces(highlights: PageHighlights): HighlightPlaces<Range> {
  return {
    get: (id) => highlights.get(id),
    passageOf: (id) => highlights.get(id)?.range ?? null,
    union: (ranges) => unionRange(ranges),
    create: (range, color, fields) => highlights.create(range, color, fields),
    forget: (id) => highlights.forget(id),
    replaceRecord: (record) => highlights.replaceRecord(record),
    load: () => highlights.load(),
    focus: (id) => highlights.focus(id),
    preview: (change) => highlights.preview(change),
  };
}
