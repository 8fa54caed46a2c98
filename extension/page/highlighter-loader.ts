import { browser } from 'wxt/browser';
import type { TabCommand, TabCommandType } from '@/lib/messaging/contract';
import { sendRequest } from '../send-request';
import {
  publishedHighlighter,
  publishedPageSettings,
  publishPageSettings,
  unpublishHighlighter,
  type HighlighterApi,
} from './highlighter-api';

/** Commands that need the highlighter even on a page that has no highlights yet. */
const LOADING_COMMANDS = new Set<TabCommandType>(['highlight-selection', 'reattach-to-selection', 'step-highlights']);

/** The answer to a command when there is no highlighter to ask: no highlights here, or Gloss is paused. */
function idleAnswer(type: TabCommandType): unknown {
  if (type === 'highlight-states') return [];
  if (type === 'scroll-to-highlight') return { found: false };
  if (LOADING_COMMANDS.has(type)) return { ok: false };
  return undefined;
}

function hasSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

/**
 * The always-on part of Gloss in a page, kept tiny: it asks the background whether Gloss is paused on
 * this site and whether the page has highlights, and loads the highlighter (anchoring, painting,
 * toolbar, editor) only then, or when the user selects text or sends a command. On the many pages
 * without highlights it costs one message and a few listeners. On a paused site it does nothing but
 * wait to be resumed: selections, commands and single-page-app navigation are ignored. With the toolbar
 * switched off (the settings page), a selection loads nothing: the shortcut and context menu still do.
 */
export function startHighlighterLoader(signal: AbortSignal): void {
  // Off until the background has answered: nothing acts on a site before Gloss knows it is not paused.
  // Gestures and commands that come meanwhile wait for the answer (`ready`).
  let paused = true;
  let ready: Promise<void>;
  let loading: Promise<HighlighterApi | undefined> | null = null;
  let stopping: Promise<unknown> = Promise.resolve();
  let asked = 0; // the latest question to the background; an older answer arriving late is dropped
  let settingsHeardAt = 0; // the question outstanding when settings last came by command: its answer may be older

  const load = () => {
    // After a pause, the stopped highlighter is gone before a fresh one is injected.
    loading ??= stopping.then(() => sendRequest({ type: 'load-highlighter' })).then(() => publishedHighlighter());
    return loading;
  };
  /** Asks whether the site is paused and the page has highlights; loads the highlighter if it has. */
  const check = async () => {
    const ticket = ++asked;
    const status = await sendRequest({ type: 'site-status' }).catch(() => null);
    if (!status || ticket !== asked) return;
    paused = status.paused;
    if (ticket > settingsHeardAt) publishPageSettings(status.settings);
    if (!paused && status.hasAnnotations) void load();
  };
  const pause = () => {
    asked++;
    paused = true;
    const loaded = loading;
    loading = null; // so that after a resume the next load injects a fresh highlighter
    if (loaded) {
      stopping = loaded.then((highlighter) => {
        highlighter?.stop();
        unpublishHighlighter();
      });
    }
  };

  // Once loaded, the highlighter listens for selections itself; until then, a selection loads it.
  // Only a person's gestures count: a page script can dispatch untrusted mouse and key events.
  const toolbarOff = () => !publishedPageSettings().showToolbar;
  const onSelectionGesture = () =>
    void ready.then(() => {
      if (paused || toolbarOff() || !hasSelection()) return;
      // The highlighter may have loaded during the drag, after this mouse-up reached it: offer again
      // (it ignores an offer for the selection it already shows).
      void load().then((highlighter) => {
        if (!paused) highlighter?.offerToolbar();
      });
    });
  const listen = { signal, passive: true } as const;
  // A person dragging out a selection: start loading now, so the toolbar is ready at mouse-up.
  let dragging = false;
  document.addEventListener(
    'mousedown',
    (event) => {
      dragging = event.isTrusted && event.button === 0;
    },
    listen,
  );
  document.addEventListener(
    'selectionchange',
    () => {
      if (dragging && !paused && !loading && !toolbarOff() && window.getSelection()?.isCollapsed === false) void load();
    },
    listen,
  );
  document.addEventListener(
    'mouseup',
    (event) => {
      dragging = false;
      if (event.isTrusted) setTimeout(onSelectionGesture, 0);
    },
    listen,
  );
  document.addEventListener(
    'keyup',
    (event) => {
      if (event.isTrusted && (event.shiftKey || event.key === 'Shift')) onSelectionGesture();
    },
    listen,
  );

  const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    const command = message as TabCommand;
    if (command?.gloss !== 'tab-command') return false;
    void answer(command).then(sendResponse);
    return true;
  };
  const answer = async (command: TabCommand): Promise<unknown> => {
    if (command.type === 'site-paused-changed') {
      if (command.paused) pause();
      else ready = check(); // resumed: start as on load
      return undefined;
    }
    if (command.type === 'settings-changed') {
      // Kept even while paused or before the background's first answer: the toolbar follows at once.
      publishPageSettings(command.settings);
      settingsHeardAt = asked;
      const highlighter = loading ? await loading : undefined;
      return highlighter?.run(command);
    }
    await ready;
    if (paused) return idleAnswer(command.type);
    if (loading || LOADING_COMMANDS.has(command.type)) {
      const highlighter = await load();
      return paused ? idleAnswer(command.type) : highlighter?.run(command);
    }
    // Not loaded means the page had no highlights: answer for it without loading anything.
    if (command.type === 'page-annotations-changed') return check();
    return idleAnswer(command.type);
  };
  browser.runtime.onMessage.addListener(onMessage);

  // A single-page app may navigate to a page that has highlights.
  let address = location.href.split('#')[0];
  const poll = setInterval(() => {
    if (paused) return;
    const now = location.href.split('#')[0];
    if (now === address) return;
    address = now;
    if (!loading) void check();
  }, 1000);
  signal.addEventListener('abort', () => {
    clearInterval(poll);
    browser.runtime.onMessage.removeListener(onMessage);
  });

  ready = check();
}
