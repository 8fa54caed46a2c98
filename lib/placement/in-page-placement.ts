/**
 * Where Gloss's in-page toolbar and editor go, from rectangles the page reports (viewport pixels as
 * `getBoundingClientRect` gives them) to a position in the coordinate space of Gloss's own layer.
 * Pure arithmetic, so that every rule (never over the passage, flip at the viewport's edge, right
 * under CSS zoom and transforms) is tested without a browser.
 */

/** A rectangle in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  left: number;
  top: number;
}

/** The room kept between a panel and what it points at, and between a panel and the viewport's edge. */
export const GAP = 8;
export const MARGIN = 8;

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, Math.max(low, high)));
}

/** The smallest box around all the rectangles (ignoring empty ones, which a line break can report). */
export function unionBox(rects: readonly Box[]): Box | null {
  const real = rects.filter((rect) => rect.right > rect.left || rect.bottom > rect.top);
  if (real.length === 0) return null;
  return {
    left: Math.min(...real.map((rect) => rect.left)),
    top: Math.min(...real.map((rect) => rect.top)),
    right: Math.max(...real.map((rect) => rect.right)),
    bottom: Math.max(...real.map((rect) => rect.bottom)),
  };
}

/**
 * The toolbar at the end of a selection: centred on the point where it ends (where the mouse was
 * released, or where Shift+arrows left the focus), below that line for a selection made forwards and
 * above it for one made backwards, flipped to the other side when the viewport has no room. It covers
 * neither the line the selection ends on nor, when the other side has room, any line it spans.
 */
export function placeToolbar(end: Box, box: Size, viewport: Size, backward: boolean): Point {
  const below = end.bottom + GAP;
  const above = end.top - GAP - box.height;
  const fitsBelow = below + box.height <= viewport.height - MARGIN;
  const fitsAbove = above >= MARGIN;
  let top: number;
  if (backward) top = fitsAbove || !fitsBelow ? above : below;
  else top = fitsBelow || !fitsAbove ? below : above;
  // Neither fits (a tiny viewport): take the side with more room, never over the line itself.
  if (!fitsAbove && !fitsBelow) top = end.top > viewport.height - end.bottom ? above : below;
  const left = clamp((end.left + end.right) / 2 - box.width / 2, MARGIN, viewport.width - box.width - MARGIN);
  return { left, top };
}

/**
 * The editor beside a passage and never over it: to the right of all its lines when there is room,
 * else to the left, else below them, else above. When none fits it goes below, off the viewport if it
 * must (the page scrolls to it) rather than over the text being edited.
 */
export function placeBeside(rects: readonly Box[], box: Size, viewport: Size): Point {
  const passage = unionBox(rects);
  if (!passage) return { left: clamp((viewport.width - box.width) / 2, MARGIN, viewport.width), top: MARGIN };
  const topBeside = clamp(passage.top, MARGIN, viewport.height - box.height - MARGIN);
  if (passage.right + GAP + box.width <= viewport.width - MARGIN) return { left: passage.right + GAP, top: topBeside };
  if (passage.left - GAP - box.width >= MARGIN) return { left: passage.left - GAP - box.width, top: topBeside };
  const left = clamp(passage.left, MARGIN, viewport.width - box.width - MARGIN);
  const below = passage.bottom + GAP;
  if (below + box.height <= viewport.height - MARGIN) return { left, top: below };
  const above = passage.top - GAP - box.height;
  if (above >= MARGIN) return { left, top: above };
  return { left, top: below };
}

/**
 * How Gloss's layer maps onto the viewport: where its origin is drawn and how much it is scaled. CSS
 * `zoom` or a `transform: scale()` on the page's root scales everything under it, Gloss's layer
 * included, so a position set in the layer's own pixels lands `scale` times as far away. The host
 * measures the mapping (a probe at the layer's origin); this turns viewport positions into the layer's.
 */
export interface LayerMapping {
  originLeft: number;
  originTop: number;
  scale: number;
}

export function toLayer(point: Point, mapping: LayerMapping): Point {
  const scale = mapping.scale > 0 && Number.isFinite(mapping.scale) ? mapping.scale : 1;
  return { left: (point.left - mapping.originLeft) / scale, top: (point.top - mapping.originTop) / scale };
}

/** The mapping measured from a probe placed at the layer's (0, 0) with a known width in layer pixels. */
export function measuredMapping(probe: Box, layerWidth: number): LayerMapping {
  const drawn = probe.right - probe.left;
  const scale = layerWidth > 0 && drawn > 0 ? drawn / layerWidth : 1;
  return { originLeft: probe.left, originTop: probe.top, scale };
}
