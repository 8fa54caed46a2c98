// @vitest-environment jsdom
/**
 * UiFrameHost placing a view that takes the focus: it focuses Gloss's frame only when the frame does not
 * have the focus already. Focusing it again makes Chrome blur the control inside (the note being typed in).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameToPage } from '@/lib/messaging/ui-frame-protocol';

const port = vi.hoisted(() => ({ deliver: (_message: FrameToPage): void => undefined }));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `chrome-extension://gloss${path}`,
      connect: () => ({
        postMessage: () => undefined,
        disconnect: () => undefined,
        onMessage: { addListener: (listener: (message: FrameToPage) => void) => (port.deliver = listener) },
        onDisconnect: { addListener: () => undefined },
      }),
    },
  },
}));

const { UiFrameHost, UI_HOST_ATTRIBUTE } = await import('@/extension/page/ui/ui-frame-host');

const CONTENT = { quote: 'Astonishingly, the group', color: 'yellow' as const, note: '', tags: [] };

/** Opens the editor and has the frame report its size, as it does once it has drawn it; returns the frame's focus() calls. */
function placeEditor(frameHasFocus: boolean) {
  const focus = vi.spyOn(HTMLIFrameElement.prototype, 'focus');
  const host = new UiFrameHost(vi.fn(), vi.fn());
  host.showEditor(CONTENT, () => [new DOMRect(10, 10, 200, 20)], false);
  // The frame took the focus itself as it drew the editor: the page's active element is then Gloss's host.
  const hostElement = document.querySelector(`[${UI_HOST_ATTRIBUTE}]`);
  if (frameHasFocus) vi.spyOn(document, 'activeElement', 'get').mockReturnValue(hostElement);
  port.deliver({ type: 'size', seq: 1, width: 320, height: 240 });
  host.remove();
  return focus;
}

afterEach(() => vi.restoreAllMocks());

describe('UiFrameHost: the focus as the editor is placed', () => {
  it('leaves it inside the frame when the frame has it already', () => {
    expect(placeEditor(true)).not.toHaveBeenCalled();
  });

  it('gives it to the frame when the page still has it (Firefox lets the frame take it only then)', () => {
    expect(placeEditor(false)).toHaveBeenCalledTimes(1);
  });
});
