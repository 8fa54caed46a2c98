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
      css: [
        ...HIGHLIGHT_COLORS.map((color) => `::highlight(${NAMES[color]}) { background-color: ${COLOR_PAINT[color]}; }`),
        `::highlight(${FOCUS_NAME}) { background-color: rgba(255, 149, 0, 0.55); text-decoration: underline 2px rgba(255, 120, 0, 0.9); }`,
      ].join('\n'),
    },
    doc,
  );
}
