import type { EntityKind } from '@/lib/entities/types';
import { canPaintHighlights } from './highlight-painter';

/**
 * Paint for entity marks, one colour per kind: a light wash plus an underline, so marks read as
 * different from the user's own highlights, which are solid colours.
 */
export const KIND_PAINT: Record<EntityKind, string> = {
  'threat-actor': '220, 38, 38',
  malware: '234, 88, 12',
  tool: '202, 138, 4',
  vulnerability: '147, 51, 234',
  technique: '37, 99, 235',
  indicator: '8, 145, 178',
  organization: '22, 163, 74',
  person: '219, 39, 119',
  place: '100, 116, 139',
};

const KINDS = Object.keys(KIND_PAINT) as EntityKind[];
const FOCUS_NAME = 'gloss-entity-focus';
const STYLE_ID = 'gloss-entity-paint';

const highlightName = (kind: EntityKind) => `gloss-entity-${kind}`;

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = [
    ...KINDS.map((kind) => `::highlight(${highlightName(kind)}) { background-color: rgba(${KIND_PAINT[kind]}, 0.16); text-decoration: underline 2px rgba(${KIND_PAINT[kind]}, 0.85); }`),
    `::highlight(${FOCUS_NAME}) { background-color: rgba(255, 149, 0, 0.6); text-decoration: underline 3px rgba(200, 80, 0, 1); }`,
  ].join('\n');
  (doc.head ?? doc.documentElement).append(style);
}

/** Paints entity marks with the CSS Custom Highlight API; like HighlightPainter, it never touches the page's text. */
export class EntityPainter {
  constructor(private readonly doc: Document = document) {}

  paint(items: ReadonlyArray<{ range: Range; kind: EntityKind }>): void {
    if (!canPaintHighlights()) return;
    ensureStyle(this.doc);
    for (const kind of KINDS) {
      const ranges = items.filter((item) => item.kind === kind).map((item) => item.range);
      if (ranges.length > 0) CSS.highlights.set(highlightName(kind), new Highlight(...ranges));
      else CSS.highlights.delete(highlightName(kind));
    }
  }

  focus(range: Range | null): void {
    if (!canPaintHighlights()) return;
    if (range) {
      ensureStyle(this.doc);
      CSS.highlights.set(FOCUS_NAME, new Highlight(range));
    } else {
      CSS.highlights.delete(FOCUS_NAME);
    }
  }

  /** Removes every mark and the style element: the page is back exactly as it was. */
  clear(): void {
    if (canPaintHighlights()) {
      for (const kind of KINDS) CSS.highlights.delete(highlightName(kind));
      CSS.highlights.delete(FOCUS_NAME);
    }
    this.doc.getElementById(STYLE_ID)?.remove();
  }
}
