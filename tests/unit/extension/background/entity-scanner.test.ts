/**
 * The background makes its entity scanner when it starts, not when the first popup asks: the popup's
 * request then finds it made, and the index is read once.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { entityScanner, prepareEntityScanner } from '@/extension/background/entity-scanner';
import { ENTITY_INDEX_FILE } from '@/lib/entities/compiled/entity-index-file-name';
import { servePackagedEntityIndex } from './packaged-entity-index';

beforeEach(() => {
  fakeBrowser.reset();
  servePackagedEntityIndex();
});

describe('prepareEntityScanner', () => {
  it('reads the index a task after the background starts, and the first request gets that scanner', async () => {
    const served = globalThis.fetch;
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string | URL) => {
      fetched.push(String(url));
      return served(url);
    });
    prepareEntityScanner();
    // Not at once: the message that woke the background goes first.
    expect(fetched).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(new RegExp(`/${ENTITY_INDEX_FILE.replace('.', '\\.')}$`));
    const state = await entityScanner();
    expect(state.scanner.findEntities('Octo Tempest used Cobalt Strike.').map((entity) => entity.canonical)).toEqual(
      expect.arrayContaining(['Scattered Spider', 'Cobalt Strike']),
    );
    expect(await entityScanner()).toBe(state);
    expect(fetched).toHaveLength(1);
  });
});
