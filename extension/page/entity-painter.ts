import type { EntityKind } from '@/lib/entities/types';
import { HighlightLayers } from './highlight-layers';

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
const NAMES = Object.fromEntries(KINDS.map((kind) => [kind, `gloss-entity-${kind}`])) as Record<EntityKind, string>;

/** Every highlight name entity marks use, to ask a page whether it shows any. */
export const ENTITY_HIGHLIGHT_NAMES: readonly string[] = [...Object.values(NAMES), FOCUS_NAME];

/** The painter of entity marks, one layer per kind; like the highlight painter, it never touches the page's text. */
export function createEntityPainter(doc: Document = document): HighlightLayers<EntityKind> {
  return new HighlightLayers(
    {
      styleId: 'gloss-entity-paint',
      focusName: FOCUS_NAME,
      names: NAMES,
      css: [
        ...KINDS.map(
          (kind) =>
            `::highlight(${NAMES[kind]}) { background-color: rgba(${KIND_PAINT[kind]}, 0.16); text-decoration: underline 2px rgba(${KIND_PAINT[kind]}, 0.85); }`,
        ),
        `::highlight(${FOCUS_NAME}) { background-color: rgba(255, 149, 0, 0.6); text-decoration: underline 3px rgba(200, 80, 0, 1); }`,
      ].join('\n'),
    },
    doc,
  );
}
