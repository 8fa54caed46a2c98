/**
 * The viewer's zoom: fixed steps for the buttons and Ctrl+plus/minus (like the browsers' own), and a
 * fit-width scale computed from the page and the space beside the sidebar.
 */

export const ZOOM_STEPS: readonly number[] = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5];
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];

/** Small differences (a fit-width scale of 1.0004) must not skip a step. */
const EPSILON = 0.005;

/** The next step up from `scale`, or the largest. */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((step) => step > scale + EPSILON) ?? MAX_ZOOM;
}

/** The next step down from `scale`, or the smallest. */
export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - EPSILON) ?? MIN_ZOOM;
}

/** The scale at which a page `pageWidth` points wide fills `availableWidth` pixels, less a margin, within the limits. */
export function fitWidthScale(availableWidth: number, pageWidth: number, margin = 32): number {
  if (!(pageWidth > 0) || !(availableWidth > margin)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, (availableWidth - margin) / pageWidth));
}

/** The scale as people read it, "125%". */
export function zoomPercent(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}
