/**
 * Opening the library from another of Gloss's pages (the popup's *Open library*, a note's wikilink, the
 * welcome page) brings forward the library tab already open, with the wikilink's search, rather than pile
 * up library tabs. Gloss's pages talk over a BroadcastChannel, which only pages of the extension's own
 * origin share (no web page, no content script). The sender asks who is open; each library answers with
 * its tab; the sender sends the search to the first that answered and brings its tab forward. With no
 * answer in time, it opens a new library tab.
 */
import { browser } from 'wxt/browser';
import { librarySearchHref } from '@/components/note/wikilink-search';

const CHANNEL = 'gloss-library';
/** How long to wait for an open library to answer: a live tab answers within milliseconds. */
const ANSWER_MS = 300;

type LibraryMessage =
  | { type: 'who-is-open'; ask: string }
  | { type: 'open-here'; ask: string; tabId: number; windowId: number }
  | { type: 'search'; tabId: number; query: string };

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= 4_000;
const isId = (value: unknown): value is number => Number.isSafeInteger(value);

/** A message in its known shape, or null (anything else on the channel is ignored). */
export function readLibraryMessage(data: unknown): LibraryMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type === 'who-is-open' && isText(message.ask)) return { type: 'who-is-open', ask: message.ask };
  if (message.type === 'open-here' && isText(message.ask) && isId(message.tabId) && isId(message.windowId))
    return { type: 'open-here', ask: message.ask, tabId: message.tabId, windowId: message.windowId };
  if (message.type === 'search' && isId(message.tabId) && isText(message.query))
    return { type: 'search', tabId: message.tabId, query: message.query };
  return null;
}

/** In a library page: answers who is open with this tab, and runs the searches sent to it. */
export function listenForLibrarySearches(onSearch: (query: string) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  const tab = browser.tabs.getCurrent().catch(() => undefined);
  channel.onmessage = (event: MessageEvent) => {
    const message = readLibraryMessage(event.data);
    if (!message) return;
    void tab.then((current) => {
      if (current?.id === undefined || current.windowId === undefined) return;
      if (message.type === 'who-is-open')
        channel.postMessage({ type: 'open-here', ask: message.ask, tabId: current.id, windowId: current.windowId });
      else if (message.type === 'search' && message.tabId === current.id) onSearch(message.query);
    });
  };
  return () => channel.close();
}

/** The first library tab to say it is open, or null when none does within ANSWER_MS. */
function findOpenLibrary(channel: BroadcastChannel): Promise<{ tabId: number; windowId: number } | null> {
  const ask = crypto.randomUUID();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ANSWER_MS);
    channel.onmessage = (event: MessageEvent) => {
      const message = readLibraryMessage(event.data);
      if (message?.type !== 'open-here' || message.ask !== ask) return;
      clearTimeout(timer);
      resolve({ tabId: message.tabId, windowId: message.windowId });
    };
    channel.postMessage({ type: 'who-is-open', ask });
  });
}

/**
 * Shows the library, searching for `query` when one is given (a wikilink's target): the library tab already
 * open, brought forward, or a new one.
 */
export async function openLibrary(query: string | null = null): Promise<void> {
  const channel = new BroadcastChannel(CHANNEL);
  try {
    const open = await findOpenLibrary(channel);
    if (open) {
      if (query !== null) channel.postMessage({ type: 'search', tabId: open.tabId, query });
      await browser.tabs.update(open.tabId, { active: true });
      await browser.windows.update(open.windowId, { focused: true });
      return;
    }
    const library = browser.runtime.getURL('/library.html');
    await browser.tabs.create({ url: query === null ? library : new URL(librarySearchHref(query), library).href });
  } finally {
    channel.close();
  }
}
