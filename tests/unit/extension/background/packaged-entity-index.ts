/**
 * What the extension's build puts beside the background: the compiled entity index (wxt.config.ts). The
 * background fetches it from its own package; unit tests of the background serve it the same bytes,
 * compiled from data/ as the build compiles them.
 */
import { vi } from 'vitest';
import { compileEntityIndex } from '@/lib/entities/compiled/compile-entity-index';
import { ENTITY_INDEX_FILE } from '@/lib/entities/compiled/entity-index-file-name';
import { loadEntityData } from '@/lib/entities/shipped-data';

let bytes: Uint8Array | null = null;

/** Stubs `fetch` to answer the package's entity index, and only that (anything else fails loudly). */
export function servePackagedEntityIndex(): void {
  vi.stubGlobal('fetch', async (url: string | URL) => {
    if (!String(url).endsWith(`/${ENTITY_INDEX_FILE}`)) throw new Error(`unexpected fetch of ${String(url)} in a unit test`);
    bytes ??= compileEntityIndex(loadEntityData());
    return new Response(bytes.slice());
  });
}
