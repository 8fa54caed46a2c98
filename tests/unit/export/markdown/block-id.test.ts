import { describe, expect, it } from 'vitest';
import { blockId, uniqueBlockIds } from '@/lib/export/markdown/block-id';

/** Obsidian block ids hold letters, digits and "-" only. */
const BLOCK_ID = /^[A-Za-z0-9-]+$/;

describe('blockId', () => {
  it('is "gloss-" and the first 12 hex digits of a UUID', () => {
    expect(blockId('9f8e7d6c-5b4a-4321-8fed-cba987654321')).toBe('gloss-9f8e7d6c5b4a');
  });

  it('reads a UUID however it is written', () => {
    const id = 'gloss-9f8e7d6c5b4a';
    expect(blockId('9F8E7D6C-5B4A-4321-8FED-CBA987654321')).toBe(id);
    expect(blockId('urn:uuid:9f8e7d6c-5b4a-4321-8fed-cba987654321')).toBe(id);
    expect(blockId('9f8e7d6c5b4a43218fedcba987654321')).toBe(id);
  });

  it('hashes ids that are not UUIDs into the same shape', () => {
    for (const id of ['anno-1', 'https://hypothes.is/a/Xyz_12-3', '', ' ', '<script>', '🦊', 'a'.repeat(1000)]) {
      expect(blockId(id)).toMatch(/^gloss-[0-9a-f]{12}$/);
      expect(blockId(id)).toMatch(BLOCK_ID);
    }
  });

  it('gives the same id every time for the same annotation', () => {
    expect(blockId('anno-1')).toBe(blockId('anno-1'));
    expect(blockId('c4d5e6f7-0819-4a2b-bc3d-4e5f60718293')).toBe(blockId('c4d5e6f7-0819-4a2b-bc3d-4e5f60718293'));
  });

  it('gives different annotations different ids', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `anno-${i}`);
    const uuids = Array.from({ length: 2000 }, () => crypto.randomUUID());
    expect(new Set([...ids, ...uuids].map(blockId)).size).toBe(4000);
  });
});

describe('uniqueBlockIds', () => {
  it('keeps distinct ids and numbers repeats in order', () => {
    const a = '9f8e7d6c-5b4a-4321-8fed-cba987654321';
    const sharesPrefix = '9f8e7d6c-5b4a-4000-8000-000000000000';
    expect(uniqueBlockIds([a, 'anno-1', a, sharesPrefix])).toEqual([
      'gloss-9f8e7d6c5b4a',
      blockId('anno-1'),
      'gloss-9f8e7d6c5b4a-2',
      'gloss-9f8e7d6c5b4a-3',
    ]);
  });
});
