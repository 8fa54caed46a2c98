import { UI_FRAME_PADDING } from '@/lib/messaging/ui-frame-protocol';
import { COLOR_PAINT } from '../page/highlight-painter';

const swatches = Object.entries(COLOR_PAINT)
  .map(([color, paint]) => `.swatch[data-color="${color}"] { background: ${paint.replace(/0\.\d+\)$/, '0.95)')}; }`)
  .join('\n');

/**
 * Styles of the highlight UI's panels (toolbar, editor, step-through bar, notice), wherever they are
 * mounted: in the in-page frame, and in a shadow root of the PDF viewer. Light and dark follow the system.
 */
export const PANEL_STYLES = `
* { box-sizing: border-box; font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.panel {
  display: flex; gap: 6px; align-items: center; padding: 6px;
  background: #fff; color: #1d232b; border: 1px solid #d5d9de; border-radius: 10px;
  box-shadow: 0 3px 10px rgba(0,0,0,.2);
}
.editor { flex-direction: column; align-items: stretch; width: 280px; padding: 8px 10px; gap: 6px; }
.stepper { max-width: 520px; }
.position { font-weight: 600; white-space: nowrap; }
.step-quote { color: #5c6673; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 220px; }
button { cursor: pointer; white-space: nowrap; border: 1px solid #d5d9de; background: #f6f7f9; color: inherit; border-radius: 6px; padding: 4px 10px; }
button:hover { background: #ece8fb; }
button:focus-visible, textarea:focus-visible, input:focus-visible, .swatch:focus-visible { outline: 2px solid #7a3ff2; outline-offset: 1px; }
.primary { background: #6a32e0; color: #fff; border-color: #6a32e0; }
.primary:hover { background: #5a26c8; }
.danger { color: #b3261e; }
.danger-strong { background: #b3261e; border-color: #b3261e; color: #fff; }
.danger-strong:hover { background: #8c1d18; }
.row[hidden], .suggestions[hidden] { display: none; }
.row-end { display: flex; gap: 6px; }
/* The question on a line of its own, the answers under it at the right: they never spill out of the editor. */
.row.confirm { flex-wrap: wrap; }
.confirm > span:first-child { flex-basis: 100%; color: #b3261e; font-weight: 600; }
.confirm .row-end { margin-left: auto; }
.tag-field { position: relative; display: flex; flex-direction: column; gap: 2px; }
.suggestions { list-style: none; margin: 0; padding: 2px; border: 1px solid #d5d9de; border-radius: 6px; max-height: 140px; overflow: auto; }
.suggestions li { padding: 3px 6px; border-radius: 4px; cursor: pointer; }
.suggestions li[aria-selected="true"], .suggestions li:hover { background: #ece8fb; }
.hint { margin: 0; font-size: 12px; color: #5c6673; }
.hint:empty { display: none; }
.swatches { display: flex; gap: 4px; }
.swatch { width: 20px; height: 20px; padding: 0; border-radius: 50%; border: 2px solid transparent; }
.swatch[aria-checked="true"], .swatch[aria-pressed="true"] { border-color: #1d232b; }
${swatches}
.quote { margin: 0; max-height: 2.8em; overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; color: #5c6673; border-left: 3px solid #d5d9de; padding-left: 8px; }
textarea, input { width: 100%; border: 1px solid #d5d9de; border-radius: 6px; padding: 6px; background: #fff; color: inherit; }
textarea { min-height: 2.6em; resize: vertical; overflow-y: auto; }
label { display: flex; flex-direction: column; gap: 3px; color: #5c6673; font-size: 12px; }
.row { display: flex; gap: 6px; justify-content: space-between; align-items: center; }
@media (prefers-color-scheme: dark) {
  .panel { background: #202329; color: #e8eaed; border-color: #3a3f47; }
  button { background: #2a2e35; border-color: #3a3f47; }
  button:hover { background: #332c4a; }
  textarea, input { background: #17191d; border-color: #3a3f47; }
  .swatch[aria-checked="true"], .swatch[aria-pressed="true"] { border-color: #e8eaed; }
  .suggestions { border-color: #3a3f47; }
  .suggestions li[aria-selected="true"], .suggestions li:hover { background: #332c4a; }
  .step-quote, .hint { color: #a2abb6; }
  .confirm > span:first-child { color: #ffb4ab; }
  .quote, label { color: #a2abb6; }
  .danger { color: #ffb4ab; }
}
`;

/** The in-page UI frame's document: transparent, as large as its panel plus room for the shadow. */
export const FRAME_STYLES = `
html, body { margin: 0; background: transparent; overflow: hidden; }
body { padding: ${UI_FRAME_PADDING}px; width: max-content; }
${PANEL_STYLES}`;
