import { browser } from 'wxt/browser';
import type { TabCommand } from '@/lib/messaging/contract';
import { sendRequest } from '../send-request';
import { publishedHighlighter, type HighlighterApi } from './highlighter-api';

/** Commands that need the highlighter even on a page that has no highlights yet. */
const LOADING_COMMANDS = new Set<TabCommand['type']>(['highlight-selection', 'reattach-to-selection']);

function hasSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

/**
 * The always-on part of Gloss in a page, kept tiny: it asks whether the page has highlights and loads
 * the highlighter (anchoring, painting, toolbar, editor) only then, or when the user selects text or
 * sends a command. On the many pages without highlights it costs one message and a few listeners.
 */
export function startHighlighterLoader(signal: AbortSignal): void {
  let loading: Promise<HighlighterApi | undefined> | null = null;
  const load = () => {
    loading ??= sendRequest({ type: 'load-highlighter' }).then(() => publishedHighlighter());
    return loading;
  };
  const loadIfPageHasHighlights = async () => {
    if (!loading && (await sendRequest({ type: 'page-has-annotations' }))) void load();
  };

  // Once loaded, the highlighter listens for selections itself; until then, a selection loads it.
  const onSelectionGesture = () => {
    if (loading || !hasSelection()) return;
    void load().then((highlighter) => highlighter?.offerToolbar());
  };
  const listen = { signal, passive: true } as const;
  document.addEventListener('mouseup', () => setTimeout(onSelectionGesture, 0), listen);
  document.addEventListener('keyup', (event) => { if (event.shiftKey || event.key === 'Shift') onSelectionGesture(); }, listen);

  const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    const command = message as TabCommand;
    if (command?.gloss !== 'tab-command') return false;
    void answer(command).then(sendResponse);
    return true;
  };
  const answer = async (command: TabCommand): Promise<unknown> => {
    if (loading || LOADING_COMMANDS.has(command.type)) return (await load())?.run(command);
    // Not loaded means the page had no highlights: answer for it without loading anything.
    if (command.type === 'annotations-changed') return loadIfPageHasHighlights();
    if (command.type === 'highlight-states') return [];
    if (command.type === 'scroll-to-highlight') return { found: false };
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // A single-page app may navigate to a page that has highlights.
  let address = location.href.split('#')[0];
  const poll = setInterval(() => {
    const now = location.href.split('#')[0];
    if (now === address) return;
    address = now;
    void loadIfPageHasHighlights();
  }, 1000);
  signal.addEventListener('abort', () => {
    clearInterval(poll);
    browser.runtime.onMessage.removeListener(onMessage);
  });

  void loadIfPageHasHighlights();
}
