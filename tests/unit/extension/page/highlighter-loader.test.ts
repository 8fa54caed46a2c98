// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GlossRequest } from '@/lib/messaging/contract';
import {
  publishedHighlighter,
  publishedPageSettings,
  publishHighlighter,
  publishPageSettings,
  unpublishHighlighter,
  type HighlighterApi,
} from '@/extension/page/highlighter-api';
import { DEFAULT_SETTINGS, type GlossSettings } from '@/lib/settings/gloss-settings';
import { startHighlighterLoader } from '@/extension/page/highlighter-loader';
import { sendRequest } from '@/extension/send-request';

vi.mock('@/extension/send-request', () => ({ sendRequest: vi.fn() }));
// WXT's stand-in for `wxt/browser` loads its whole testing kit, whose esbuild refuses jsdom's globals.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

/** What the background answers: the site's state, and a highlighter published when one is injected. */
let status: { paused: boolean; hasAnnotations: boolean; settings?: GlossSettings } = { paused: false, hasAnnotations: false };
let highlighter: HighlighterApi & { stop: ReturnType<typeof vi.fn>; run: ReturnType<typeof vi.fn>; offerToolbar: ReturnType<typeof vi.fn> };
let injected = 0;
const requests = () => vi.mocked(sendRequest).mock.calls.map(([request]) => request.type);

function freshHighlighter() {
  return { offerToolbar: vi.fn(), run: vi.fn(async () => ({ ok: true })), stop: vi.fn(() => unpublishHighlighter()) };
}

let controller: AbortController;
let listeners: Record<string, ((event: Event) => void)[]>;
beforeEach(() => {
  fakeBrowser.reset();
  status = { paused: false, hasAnnotations: false };
  injected = 0;
  vi.mocked(sendRequest)
    .mockReset()
    .mockImplementation((async (request: GlossRequest) => {
      if (request.type === 'site-status') return { ...status };
      if (request.type === 'load-highlighter') {
        injected++;
        if (!publishedHighlighter()) publishHighlighter((highlighter = freshHighlighter()));
        return true;
      }
      throw new Error(`unexpected ${request.type}`);
    }) as typeof sendRequest);
  // The loader's gesture listeners, to call with events the way the browser delivers a person's.
  listeners = {};
  const add = document.addEventListener.bind(document);
  vi.spyOn(document, 'addEventListener').mockImplementation(((
    type: string,
    listener: (event: Event) => void,
    options?: AddEventListenerOptions,
  ) => {
    (listeners[type] ??= []).push(listener);
    add(type, listener, options);
  }) as typeof document.addEventListener);
  document.body.innerHTML = '<p>Storm-1152 sold fraudulent accounts.</p>';
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  unpublishHighlighter();
  publishPageSettings(DEFAULT_SETTINGS);
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
/** Sends a tab command as the background does; resolves with the loader's reply, once things settle. */
const command = async (message: object): Promise<unknown> => {
  // The browser hands a listener its sendResponse as the third argument.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
  const reply = await new Promise((resolve) => void trigger({ gloss: 'tab-command', ...message }, {}, resolve));
  await settle();
  return reply;
};
function selectText(): void {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p')!);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}
/** A person's mouse-up (trusted) or a page script's (not). */
const mouseUp = async (isTrusted: boolean) => {
  for (const listener of listeners.mouseup ?? []) listener({ type: 'mouseup', isTrusted } as unknown as Event);
  await settle();
};

/**
 * Holds back the background's answer to the loader's next request (its first question, at start) until
 * the test gives it.
 */
function holdNextAnswer(): (value: unknown) => void {
  let answer: (value: unknown) => void = () => undefined;
  vi.mocked(sendRequest).mockImplementationOnce(
    () =>
      new Promise((resolve) => {
        answer = resolve as typeof answer;
      }),
  );
  return (value) => answer(value);
}

/** Starts the loader, then a person selects text and presses the shortcut before the site's state is known. */
async function startBeforeTheAnswer(): Promise<{ answer: (value: unknown) => void; early: Promise<unknown> }> {
  const answer = holdNextAnswer();
  startHighlighterLoader(controller.signal);
  selectText();
  await mouseUp(true);
  return { answer, early: command({ type: 'highlight-selection' }) };
}

describe('the always-on loader', () => {
  it('asks one question at start and loads nothing on a page without highlights', async () => {
    startHighlighterLoader(controller.signal);
    await settle();
    expect(requests()).toEqual(['site-status']);
  });

  it('loads the highlighter at start on a page with highlights', async () => {
    status.hasAnnotations = true;
    startHighlighterLoader(controller.signal);
    await settle();
    expect(requests()).toEqual(['site-status', 'load-highlighter']);
  });

  it('loads on a person’s selection, and ignores mouse-ups a page script dispatches', async () => {
    startHighlighterLoader(controller.signal);
    await settle();
    selectText();
    await mouseUp(false);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
    await settle();
    expect(injected).toBe(0);
    await mouseUp(true);
    expect(injected).toBe(1);
    expect(highlighter.offerToolbar).toHaveBeenCalledTimes(1);
  });

  it('does nothing on a paused site: no loading on selection or command, harmless answers', async () => {
    status = { paused: true, hasAnnotations: false };
    startHighlighterLoader(controller.signal);
    await settle();
    selectText();
    await mouseUp(true);
    expect(await command({ type: 'highlight-selection' })).toEqual({ ok: false });
    expect(await command({ type: 'reattach-to-selection', id: 'a' })).toEqual({ ok: false });
    expect(await command({ type: 'highlight-states' })).toEqual([]);
    expect(await command({ type: 'scroll-to-highlight', id: 'a' })).toEqual({ found: false });
    expect(await command({ type: 'page-annotations-changed', pageUrl: location.href })).toBeUndefined();
    expect(requests()).toEqual(['site-status']);
  });

  it('acts on selections and commands only once the background has said the site is not paused', async () => {
    const { answer, early } = await startBeforeTheAnswer();
    await settle();
    expect(injected).toBe(0);
    answer({ paused: false, hasAnnotations: false });
    expect(await early).toEqual({ ok: true });
    expect(injected).toBe(1);
    expect(highlighter.offerToolbar).toHaveBeenCalledTimes(1);
  });

  it('on a paused site, drops what came before the answer', async () => {
    const { answer, early } = await startBeforeTheAnswer();
    answer({ paused: true, hasAnnotations: false });
    expect(await early).toEqual({ ok: false });
    expect(injected).toBe(0);
  });

  it('stays paused when the pause arrives before the answer to its first question', async () => {
    const answer = holdNextAnswer();
    startHighlighterLoader(controller.signal);
    await command({ type: 'site-paused-changed', paused: true });
    answer({ paused: false, hasAnnotations: true });
    await settle();
    expect(await command({ type: 'highlight-selection' })).toEqual({ ok: false });
    expect(injected).toBe(0);
  });

  it('stops the highlighter when paused, and injects a fresh one when resumed', async () => {
    status.hasAnnotations = true;
    startHighlighterLoader(controller.signal);
    await settle();
    const first = highlighter;
    expect(await command({ type: 'highlight-states' })).toEqual({ ok: true });

    status = { paused: true, hasAnnotations: false };
    await command({ type: 'site-paused-changed', paused: true });
    expect(first.stop).toHaveBeenCalledTimes(1);
    expect(publishedHighlighter()).toBeUndefined();
    expect(await command({ type: 'highlight-states' })).toEqual([]);
    expect(first.run).toHaveBeenCalledTimes(1);

    status = { paused: false, hasAnnotations: true };
    await command({ type: 'site-paused-changed', paused: false });
    expect(injected).toBe(2);
    expect(highlighter).not.toBe(first);
    expect(publishedHighlighter()).toBe(highlighter);
    expect(await command({ type: 'highlight-states' })).toEqual({ ok: true });
    expect(first.run).toHaveBeenCalledTimes(1);
    expect(requests()).toEqual(['site-status', 'load-highlighter', 'site-status', 'load-highlighter']);
  });

  it('stops a highlighter that was still loading when the site was paused', async () => {
    startHighlighterLoader(controller.signal);
    await settle();
    let injectNow: () => void = () => undefined;
    vi.mocked(sendRequest).mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          injectNow = () => {
            publishHighlighter((highlighter = freshHighlighter()));
            resolve(true);
          };
        }),
    );
    const loading = command({ type: 'highlight-selection' });
    await settle();
    await command({ type: 'site-paused-changed', paused: true });
    injectNow();
    expect(await loading).toEqual({ ok: false });
    expect(highlighter.stop).toHaveBeenCalledTimes(1);
    expect(highlighter.run).not.toHaveBeenCalled();
  });

  it('resumed on a page without highlights, waits for a selection again', async () => {
    status = { paused: true, hasAnnotations: false };
    startHighlighterLoader(controller.signal);
    await settle();
    status = { paused: false, hasAnnotations: false };
    await command({ type: 'site-paused-changed', paused: false });
    expect(injected).toBe(0);
    selectText();
    await mouseUp(true);
    expect(injected).toBe(1);
  });

  it('does not follow single-page-app navigation while paused', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    status = { paused: true, hasAnnotations: false };
    startHighlighterLoader(controller.signal);
    await settle();
    history.pushState({}, '', '/story-two');
    vi.advanceTimersByTime(3000);
    await settle();
    expect(requests()).toEqual(['site-status']);

    status = { paused: false, hasAnnotations: false };
    await command({ type: 'site-paused-changed', paused: false });
    history.pushState({}, '', '/story-three');
    vi.advanceTimersByTime(1000);
    await settle();
    expect(requests().filter((type) => type === 'site-status').length).toBeGreaterThanOrEqual(3);
  });

  describe('the toolbar setting', () => {
    const OFF: GlossSettings = { showToolbar: false, defaultColor: 'blue' };

    it('with the toolbar off, a selection loads nothing, but the shortcut still highlights', async () => {
      status = { paused: false, hasAnnotations: false, settings: OFF };
      startHighlighterLoader(controller.signal);
      await settle();
      expect(publishedPageSettings()).toEqual(OFF);
      selectText();
      await mouseUp(true);
      expect(injected).toBe(0);
      expect(await command({ type: 'highlight-selection', color: 'blue' })).toEqual({ ok: true });
      expect(injected).toBe(1);
      expect(highlighter.offerToolbar).not.toHaveBeenCalled();
    });

    it('follows a change at once, without a reload, and tells a loaded highlighter', async () => {
      status = { paused: false, hasAnnotations: true, settings: DEFAULT_SETTINGS };
      startHighlighterLoader(controller.signal);
      await settle();
      await command({ type: 'settings-changed', settings: OFF });
      expect(publishedPageSettings()).toEqual(OFF);
      expect(highlighter.run).toHaveBeenCalledWith(expect.objectContaining({ type: 'settings-changed', settings: OFF }));
      selectText();
      await mouseUp(true);
      expect(highlighter.offerToolbar).not.toHaveBeenCalled();

      await command({ type: 'settings-changed', settings: DEFAULT_SETTINGS });
      await mouseUp(true);
      expect(highlighter.offerToolbar).toHaveBeenCalledTimes(1);
    });

    it('keeps a change that arrives while the first answer is on its way, which may be older', async () => {
      let answer: (value: unknown) => void = () => undefined;
      vi.mocked(sendRequest).mockImplementationOnce(
        () =>
          new Promise((resolve) => {
            answer = resolve as typeof answer;
          }),
      );
      startHighlighterLoader(controller.signal);
      await command({ type: 'settings-changed', settings: OFF });
      answer({ paused: false, hasAnnotations: false, settings: DEFAULT_SETTINGS });
      await settle();
      expect(publishedPageSettings()).toEqual(OFF);
      selectText();
      await mouseUp(true);
      expect(injected).toBe(0);
    });

    it('keeps the settings while paused, for when the site is resumed', async () => {
      status = { paused: true, hasAnnotations: false, settings: DEFAULT_SETTINGS };
      startHighlighterLoader(controller.signal);
      await settle();
      await command({ type: 'settings-changed', settings: OFF });
      status = { paused: false, hasAnnotations: false, settings: OFF };
      await command({ type: 'site-paused-changed', paused: false });
      selectText();
      await mouseUp(true);
      expect(injected).toBe(0);
      expect(publishedPageSettings()).toEqual(OFF);
    });
  });
});
