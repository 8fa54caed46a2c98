import { describe, expect, it } from 'vitest';
import { fitWidthScale, MAX_ZOOM, MIN_ZOOM, zoomIn, zoomOut, zoomPercent } from '@/lib/pdf-viewer/zoom-levels';

describe('zoom levels', () => {
  it('steps up and down through the fixed steps, from any scale, within the limits', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    // A fit-width scale between steps goes to the next step, not past it.
    expect(zoomIn(1.37)).toBe(1.5);
    expect(zoomOut(1.37)).toBe(1.25);
    expect(zoomIn(1.0004)).toBe(1.1);
    expect(zoomIn(MAX_ZOOM)).toBe(MAX_ZOOM);
    expect(zoomOut(MIN_ZOOM)).toBe(MIN_ZOOM);
  });

  it('fits the page to the width less a margin, within the limits', () => {
    expect(fitWidthScale(1232, 600)).toBe(2);
    expect(fitWidthScale(100_000, 600)).toBe(MAX_ZOOM);
    expect(fitWidthScale(40, 600)).toBe(MIN_ZOOM);
    // No room measured (a hidden tab): no guess.
    expect(fitWidthScale(0, 600)).toBe(1);
    expect(fitWidthScale(800, 0)).toBe(1);
  });

  it('says the scale as a percentage', () => {
    expect(zoomPercent(1.25)).toBe('125%');
    expect(zoomPercent(0.333)).toBe('33%');
  });
});
