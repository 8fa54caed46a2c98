import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listenForLibrarySearches, openLibrary, readLibraryMessage } from '@/extension/library/library-channel';

// Node's BroadcastChannel joins channels of one name within the process, as a browser does across an
// extension's pages. Each library page asks the (fake) browser which tab it is in.
let currentTab: { id: number; windowId: number } | undefined;
let update: ReturnType<typeof vi.spyOn>;
let focus: ReturnType<typeof vi.spyOn>;
let create: ReturnType<typeof vi.spyOn>;
const stops: (() => void)[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockImplementation(async () => currentTab as never);
  update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue(undefined as never);
  focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue(undefined as never);
  create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue(undefined as never);
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.restoreAllMocks();
});

/** A library page open in tab `id` of window `windowId`, recording the searches it is sent. */
function libraryIn(id: number, windowId: number): string[] {
  currentTab = { id, windowId };
  const searches: string[] = [];
  stops.push(listenForLibrarySearches((query) => searches.push(query)));
  return searches;
}

describe('opening the library from another page (a wikilink, Open library)', () => {
  it('opens a library tab searching when none is open', async () => {
    await openLibrary('Octo Tempest');
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html\?q=Octo%20Tempest$/) });
    expect(update).not.toHaveBeenCalled();
  });

  it('searches in the library tab already open and brings it forward, opening none', async () => {
    const searches = libraryIn(7, 3);
    await openLibrary('Octo Tempest');
    await vi.waitFor(() => expect(searches).toEqual(['Octo Tempest']));
    expect(update).toHaveBeenCalledWith(7, { active: true });
    expect(focus).toHaveBeenCalledWith(3, { focused: true });
    expect(create).not.toHaveBeenCalled();
  });

  it('brings the open library forward without changing its search when none is given (Open library)', async () => {
    const searches = libraryIn(7, 3);
    await openLibrary();
    expect(update).toHaveBeenCalledWith(7, { active: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(searches).toEqual([]);
    expect(create).not.toHaveBeenCalled();
  });

  it('opens the library unsearched when none is open and none is given', async () => {
    await openLibrary();
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html$/) });
  });

  it('sends the search to one library only when several are open', async () => {
    const first = libraryIn(7, 3);
    const second = libraryIn(8, 3);
    await openLibrary('Storm-1152');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...first, ...second]).toEqual(['Storm-1152']);
    expect(update).toHaveBeenCalledTimes(1);
  });
});

describe('readLibraryMessage', () => {
  it('keeps the three messages in their shape and drops anything else', () => {
    expect(readLibraryMessage({ type: 'who-is-open', ask: 'a' })).toEqual({ type: 'who-is-open', ask: 'a' });
    expect(readLibraryMessage({ type: 'open-here', ask: 'a', tabId: 1, windowId: 2, extra: 1 })).toEqual({
      type: 'open-here',
      ask: 'a',
      tabId: 1,
      windowId: 2,
    });
    expect(readLibraryMessage({ type: 'search', tabId: 1, query: 'x' })).toEqual({ type: 'search', tabId: 1, query: 'x' });
    for (const bad of [
      null,
      'search',
      { type: 'search', tabId: '1', query: 'x' },
      { type: 'search', tabId: 1, query: 'x'.repeat(5_000) },
      { type: 'open-here', ask: 'a', tabId: 1.5, windowId: 2 },
    ])
      expect(readLibraryMessage(bad)).toBeNull();
  });
});
