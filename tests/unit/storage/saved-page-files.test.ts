import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnotation } from '@/lib/storage/annotation-store';
import { GlossDatabase } from '@/lib/storage/database';
import { tagEntity } from '@/lib/storage/entity-tag-store';
import { savedPagesFile, type ExportSources } from '@/lib/storage/saved-page-files';
import { placeLookup } from '@/lib/export/place-facts';

const PAGE = 'https://news.example/storm-1152';
const target = {
  quote: { type: 'TextQuoteSelector' as const, exact: 'quote', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: 5 },
};
const at = new Date('2026-11-26T10:00:00Z');

let db: GlossDatabase;
let sources: ExportSources;
beforeEach(async () => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
  sources = {
    resolveActors: () => [],
    attackIds: vi.fn(() => () => undefined),
    placeFacts: vi.fn(() =>
      placeLookup([
        { name: 'Iran', type: 'country', country: 'IR' },
        { name: 'Middle East', type: 'region' },
      ]),
    ),
  };
  await createAnnotation(db, { pageUrl: PAGE, target }, { title: 'Storm-1152', siteName: null }, 1000);
});
afterEach(async () => {
  await db.delete();
});

describe('saved pages as one file', () => {
  it('makes each format for a saved page, asking for ATT&CK ids for STIX and Markdown, not the backup', async () => {
    expect((await savedPagesFile(db, 'json', [PAGE], sources, at))?.fileName).toBe('Storm-1152.gloss.json');
    expect(sources.attackIds).not.toHaveBeenCalled();
    expect((await savedPagesFile(db, 'markdown', [PAGE], sources, at))?.fileName).toBe('Storm-1152.md');
    expect(sources.attackIds).toHaveBeenCalledOnce();
    expect((await savedPagesFile(db, 'stix', [PAGE], sources, at))?.fileName).toBe('Storm-1152.stix.json');
    expect(sources.attackIds).toHaveBeenCalledTimes(2);
    expect(sources.placeFacts).toHaveBeenCalledOnce();
    expect((await savedPagesFile(db, 'json', null, sources, at))?.fileName).toBe('gloss-backup-2026-11-26.json');
  });

  it('leaves pages with nothing confirmed out of a STIX export of many pages, but not of the page itself', async () => {
    const objectsOf = async (urls: string[] | null) => {
      const file = await savedPagesFile(db, 'stix', urls, sources, at);
      return JSON.parse(file!.data as string).objects as { type: string }[] | undefined;
    };
    expect((await objectsOf([PAGE]))?.map((o) => o.type)).toEqual(['report', 'note']);
    expect(await objectsOf(null)).toBeUndefined();
    await tagEntity(db, PAGE, { kind: 'malware', name: 'GoldLoader', canonical: 'GoldLoader' }, 'confirmed', null, 2000);
    expect((await objectsOf(null))?.map((o) => o.type)).toEqual(['report', 'malware', 'note']);
  });

  it('counts a page whose only confirmed entities are an organisation and a place as one with findings', async () => {
    const objectsOf = async (urls: string[] | null) => {
      const file = await savedPagesFile(db, 'stix', urls, sources, at);
      return JSON.parse(file!.data as string).objects as { type: string; name?: string }[] | undefined;
    };
    // A place the list cannot locate has no valid STIX form, so alone it is still nothing confirmed.
    await tagEntity(db, PAGE, { kind: 'place', name: 'Middle East', canonical: 'Middle East' }, 'confirmed', null, 2000);
    expect(await objectsOf(null)).toBeUndefined();
    await tagEntity(db, PAGE, { kind: 'organization', name: 'Colonial Pipeline', canonical: 'Colonial Pipeline' }, 'confirmed', null, 2001);
    expect((await objectsOf(null))?.map((o) => [o.type, o.name])).toEqual([
      ['report', 'Storm-1152'],
      ['identity', 'Colonial Pipeline'],
      ['note', undefined],
    ]);
    await tagEntity(db, PAGE, { kind: 'organization', name: 'Colonial Pipeline', canonical: 'Colonial Pipeline' }, 'rejected', null, 2002);
    await tagEntity(db, PAGE, { kind: 'place', name: 'Iranian', canonical: 'Iran' }, 'confirmed', null, 2003);
    expect((await objectsOf(null))?.map((o) => [o.type, o.name])).toEqual([
      ['report', 'Storm-1152'],
      ['location', 'Iran'],
      ['note', undefined],
    ]);
  });

  it('gives nothing for a page that is not saved', async () => {
    for (const format of ['markdown', 'json', 'stix'] as const) {
      expect(await savedPagesFile(db, format, ['https://nowhere.example/'], sources, at)).toBeNull();
    }
  });
});
