// @vitest-environment jsdom
/**
 * Where the focus goes in Gloss's frame when the page focuses it (as it places the frame, or on Tab):
 * back to the control the person was in, and only else to the view's first control.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageToFrame } from '@/lib/messaging/ui-frame-protocol';

const port = vi.hoisted(() => ({ deliver: (_message: PageToFrame): void => undefined }));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      connect: () => ({
        postMessage: () => undefined,
        onMessage: { addListener: (listener: (message: PageToFrame) => void) => (port.deliver = listener) },
      }),
    },
  },
}));
vi.mock('@/extension/send-request', () => ({ sendRequest: vi.fn(async () => []) }));

const { startUiFrame } = await import('@/extension/ui-frame/frame-app');

const CONTENT = { quote: 'Astonishingly, the group', color: 'yellow' as const, note: '', tags: [] };
/** Chrome, when the page focuses the frame that has the focus already: the control inside is blurred, then the window is focused. */
function pageFocusesFrame(): void {
  (document.activeElement as HTMLElement | null)?.blur();
  window.dispatchEvent(new FocusEvent('focus'));
}

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  location.hash = `#${'a'.repeat(32)}`;
  startUiFrame();
});

describe('the frame keeps the focus where the person put it', () => {
  it('gives the focus back to the note the person moved to, not to the colour the editor opened on', () => {
    port.deliver({ type: 'editor', seq: 1, content: CONTENT, focusNote: false });
    const note = document.querySelector('textarea')!;
    expect(document.activeElement?.getAttribute('role')).toBe('radio');
    note.focus();
    pageFocusesFrame();
    expect(document.activeElement).toBe(note);
  });

  it('gives a view newly shown its own first control, not one of the view before', () => {
    port.deliver({ type: 'toolbar', seq: 2, color: 'yellow', offer: { kind: 'new' } });
    expect(document.querySelector('textarea')).toBeNull();
    pageFocusesFrame(); // Tab from the selection into the toolbar
    expect(document.activeElement).toBe(document.querySelector('button'));
  });
});
