import { describe, expect, it } from 'vitest';
import {
  GAP,
  MARGIN,
  measuredMapping,
  placeBeside,
  placeToolbar,
  toLayer,
  unionBox,
  type Box,
  type Point,
  type Size,
} from '@/lib/placement/in-page-placement';

const viewport: Size = { width: 1200, height: 800 };
const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
const covers = (at: Point, size: Size, rect: Box) =>
  at.left < rect.right && at.left + size.width > rect.left && at.top < rect.bottom && at.top + size.height > rect.top;

describe('the selection toolbar', () => {
  const toolbar: Size = { width: 280, height: 40 };

  it('sits below the line where a forward selection ends, centred on its end', () => {
    const end = box(600, 300, 600, 320);
    const at = placeToolbar(end, toolbar, viewport, false);
    expect(at).toEqual({ left: 600 - 140, top: 320 + GAP });
  });

  it('sits above the line where a backward selection ends (its focus is at the start)', () => {
    const end = box(200, 300, 200, 320);
    expect(placeToolbar(end, toolbar, viewport, true)).toEqual({ left: 60, top: 300 - GAP - 40 });
  });

  it('flips above when the selection ends near the bottom of the viewport', () => {
    const end = box(600, 770, 600, 790);
    const at = placeToolbar(end, toolbar, viewport, false);
    expect(at.top).toBe(770 - GAP - 40);
    expect(covers(at, toolbar, end)).toBe(false);
  });

  it('flips below when a backward selection ends at the top of the viewport', () => {
    const end = box(600, 10, 600, 30);
    expect(placeToolbar(end, toolbar, viewport, true).top).toBe(30 + GAP);
  });

  it('stays inside the viewport at its left and right edges', () => {
    expect(placeToolbar(box(4, 300, 4, 320), toolbar, viewport, false).left).toBe(MARGIN);
    expect(placeToolbar(box(1198, 300, 1198, 320), toolbar, viewport, false).left).toBe(1200 - 280 - MARGIN);
  });

  it('never covers the end line, even in a viewport too short for either side', () => {
    const tiny: Size = { width: 400, height: 60 };
    const end = box(100, 20, 100, 40);
    const at = placeToolbar(end, toolbar, tiny, false);
    expect(covers(at, toolbar, end)).toBe(false);
  });
});

describe('the editor beside its passage', () => {
  const editor: Size = { width: 300, height: 220 };

  it('goes to the right of all the passage’s lines when there is room', () => {
    const lines = [box(100, 200, 500, 220), box(100, 220, 380, 240)];
    const at = placeBeside(lines, editor, viewport);
    expect(at).toEqual({ left: 500 + GAP, top: 200 });
    for (const line of lines) expect(covers(at, editor, line)).toBe(false);
  });

  it('goes to the left when the passage reaches the right edge', () => {
    const lines = [box(700, 200, 1150, 220)];
    const at = placeBeside(lines, editor, viewport);
    expect(at).toEqual({ left: 700 - GAP - 300, top: 200 });
  });

  it('goes below a passage that spans the whole width, and above it near the bottom', () => {
    const wide = [box(20, 100, 1180, 120), box(20, 120, 900, 140)];
    expect(placeBeside(wide, editor, viewport)).toEqual({ left: 20, top: 140 + GAP });
    const low = [box(20, 600, 1180, 620), box(20, 620, 1180, 640)];
    const at = placeBeside(low, editor, viewport);
    expect(at.top).toBe(600 - GAP - 220);
    for (const line of low) expect(covers(at, editor, line)).toBe(false);
  });

  it('keeps beside-placement inside the viewport vertically without moving over the text', () => {
    const lines = [box(100, 700, 400, 720)];
    const at = placeBeside(lines, editor, viewport);
    expect(at.top).toBe(800 - 220 - MARGIN);
    expect(at.left).toBe(400 + GAP);
    expect(covers(at, editor, lines[0])).toBe(false);
  });

  it('goes below rather than over a passage that leaves no room anywhere', () => {
    const small: Size = { width: 500, height: 300 };
    const lines = [box(10, 40, 490, 60), box(10, 60, 490, 260)];
    const at = placeBeside(lines, editor, small);
    expect(at.top).toBe(260 + GAP);
  });

  it('never overlaps the passage, wherever it is (a sweep over positions and sizes)', () => {
    for (let left = 0; left < 1200; left += 97) {
      for (let top = 0; top < 800; top += 53) {
        for (const width of [10, 200, 700, 1190]) {
          const lines = [
            box(left, top, Math.min(1200, left + width), top + 18),
            box(left, top + 18, Math.min(1200, left + width / 2), top + 36),
          ];
          const at = placeBeside(lines, editor, viewport);
          for (const line of lines) expect(covers(at, editor, line)).toBe(false);
        }
      }
    }
  });

  it('ignores the empty rectangles a line break reports', () => {
    expect(unionBox([box(50, 50, 50, 50), box(100, 200, 300, 220)])).toEqual(box(100, 200, 300, 220));
    expect(unionBox([])).toBeNull();
  });
});

describe('Gloss’s layer under CSS zoom and transforms', () => {
  it('is the identity on an ordinary page scrolled down (the layer scrolls with the document)', () => {
    const mapping = measuredMapping(box(0, -1500, 100, -1480), 100);
    expect(mapping).toEqual({ originLeft: 0, originTop: -1500, scale: 1 });
    expect(toLayer({ left: 300, top: 200 }, mapping)).toEqual({ left: 300, top: 1700 });
  });

  it('divides by the zoom factor: with zoom 1.5 a point 600 px down is 400 layer pixels down', () => {
    const mapping = measuredMapping(box(0, 0, 150, 30), 100);
    expect(mapping.scale).toBe(1.5);
    expect(toLayer({ left: 300, top: 600 }, mapping)).toEqual({ left: 200, top: 400 });
  });

  it('undoes a scaled and translated root (transform: translate(40px, 10px) scale(0.5))', () => {
    const mapping = measuredMapping(box(40, 10, 90, 20), 100);
    expect(toLayer({ left: 140, top: 110 }, mapping)).toEqual({ left: 200, top: 200 });
  });

  it('falls back to no scaling when the probe was not drawn', () => {
    expect(measuredMapping(box(5, 5, 5, 5), 100).scale).toBe(1);
    expect(toLayer({ left: 10, top: 10 }, { originLeft: 0, originTop: 0, scale: 0 })).toEqual({ left: 10, top: 10 });
  });
});
