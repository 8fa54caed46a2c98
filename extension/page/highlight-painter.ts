import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/storage/records';
import { HighlightLayers } from './highlight-layers';

/** Paint for each colour: translucent, so the page's text colour and selection stay readable. */
export const COLOR_PAINT: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 10, 0.45)',
  green: 'rgba(52, 199, 89, 0.35)',
  blue: 'rgba(64, 156, 255, 0.35)',
  pink: 'rgba(255, 55, 135, 0.30)',
  purple: 'rgba(175, 82, 222, 0.32)',
};

const FOCUS_NAME = 'gloss-focus';
/** A highlight that carries a note: a dotted underline, so it stands apart from one without. */
export const NOTED_NAME = 'gloss-noted';
/** The highlight under the pointer: a light shade over its colour, the cue that a click opens it. */
export const HOVER_NAME = 'gloss-hover';
const NAMES = Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, `gloss-${color}`])) as Record<HighlightColor, string>;

/**
 * The painter of the user's highlights, one layer per colour (entity marks have their own). Its only
 * DOM change is one <style> element holding the ::highlight() rules.
 */
export function createHighlightPainter(doc: Document = document): HighlightLayers<HighlightColor> {
  return new HighlightLayers(
    {
      styleId: 'gloss-highlight-paint',
      focusName: FOCUS_NAME,
      names: NAMES,
      decorations: [NOTED_NAME, HOVER_NAME],
      css: [
        ...HIGHLIGHT_COLORS.map((color) => `::highlight(${NAMES[color]}) { background-color: ${COLOR_PAINT[color]}; }`),
        `::highlight(${NOTED_NAME}) { text-decoration: underline dotted 2px rgba(90, 60, 200, 0.9); }`,
        `::highlight(${HOVER_NAME}) { background-color: rgba(60, 60, 80, 0.12); text-decoration: underline solid 1px rgba(60, 60, 80, 0.6); }`,
        // The highlight being edited keeps its own (previewed) colour; the underline says which one it is.
        `::highlight(${FOCUS_NAME}) { text-decoration: underline solid 3px rgba(106, 50, 224, 0.95); }`,
      ].join('\n'),
    },
    doc,
  );
}
