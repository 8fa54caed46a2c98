// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// jsdom cannot make a trusted event: here every event counts as the person's own (as in frame-actions.test.ts);
// the last test keeps the real trustedOnly, to show that a scripted event holds nothing.
const trustAll = { on: true };
vi.mock('@/extension/ui-frame/dom', async (original) => {
  const actual = await original<typeof import('@/extension/ui-frame/dom')>();
  return {
    ...actual,
    trustedOnly: (listener: EventListener) => (trustAll.on ? listener : actual.trustedOnly(listener)),
  };
});

const { undoToast, TOAST_MS } = await import('@/extension/ui-frame/undo-toast');

let frames: FrameRequestCallback[] = [];
/** Draws the next frame: what the browser does when it gets round to painting. */
const drawFrame = () => {
  const due = frames;
  frames = [];
  for (const callback of due) callback(performance.now());
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  trustAll.on = true;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

function shown(undo: (() => void) | null = vi.fn()) {
  const close = vi.fn();
  const toast = undoToast('Merged 2 passages into one highlight.', undo, close);
  document.body.append(toast);
  return { toast, close };
}

describe('the undo notice closes itself after its time on screen', () => {
  it('counts from when it is first drawn, not from when it was asked for', () => {
    const { close } = shown();
    // A busy browser draws late: the time to undo has not started yet.
    vi.advanceTimersByTime(TOAST_MS * 3);
    expect(close).not.toHaveBeenCalled();
    drawFrame();
    vi.advanceTimersByTime(TOAST_MS - 1);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('waits while the pointer is over it, and goes on with the time left once it leaves', () => {
    const { toast, close } = shown();
    drawFrame();
    vi.advanceTimersByTime(5000);
    toast.dispatchEvent(new PointerEvent('pointerenter'));
    vi.advanceTimersByTime(TOAST_MS * 5);
    expect(close).not.toHaveBeenCalled();
    toast.dispatchEvent(new PointerEvent('pointerleave'));
    vi.advanceTimersByTime(TOAST_MS - 5000 - 1);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('waits while the keyboard focus is in it (on Undo), also if the pointer passes over meanwhile', () => {
    const { toast, close } = shown();
    drawFrame();
    toast.querySelector('button')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    toast.dispatchEvent(new PointerEvent('pointerenter'));
    toast.dispatchEvent(new PointerEvent('pointerleave'));
    vi.advanceTimersByTime(TOAST_MS * 2);
    expect(close).not.toHaveBeenCalled();
    toast.querySelector('button')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    vi.advanceTimersByTime(TOAST_MS);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('says nothing once it was taken away (another view replaced it)', () => {
    const { toast, close } = shown(null);
    drawFrame();
    toast.remove();
    vi.advanceTimersByTime(TOAST_MS * 2);
    expect(close).not.toHaveBeenCalled();
  });

  it('is not held by a scripted pointer event', () => {
    trustAll.on = false;
    const { toast, close } = shown();
    drawFrame();
    toast.dispatchEvent(new PointerEvent('pointerenter'));
    vi.advanceTimersByTime(TOAST_MS);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
