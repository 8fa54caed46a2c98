import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { savePick } from '@/lib/storage/alias-pick-store';
import { createAnnotation } from '@/lib/storage/annotation-store';
import { GlossDatabase } from '@/lib/storage/database';
import { eraseEverything } from '@/lib/storage/erase-everything';
import { claimWelcome, readSettings, saveSettings } from '@/lib/storage/settings-store';
import { pauseSite } from '@/lib/storage/site-pause-store';
import { storedCounts } from '@/lib/storage/storage-summary';

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const target = (exact: string) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
});

async function fill(): Promise<void> {
  const page = { title: 'Storm-1152', siteName: 'Newsroom' };
  await createAnnotation(
    db,
    { pageUrl: 'https://news.example/storm', target: target('Storm-1152'), color: 'blue', note: 'n', tags: ['fraud'] },
    page,
  );
  await createAnnotation(
    db,
    { pageUrl: 'https://news.example/storm', target: target('750 million'), color: 'pink', note: '', tags: ['fraud', 'scale'] },
    page,
  );
  await createAnnotation(
    db,
    { pageUrl: 'https://blog.example/heron', target: target('Crimson Heron'), color: 'yellow', note: '', tags: [] },
    { title: 'Heron', siteName: null },
  );
  await db.entityTags.put({
    id: 'https://news.example/storm\nthreat-actor:storm-1152',
    pageUrl: 'https://news.example/storm',
    entityKey: 'threat-actor:storm-1152',
    kind: 'threat-actor',
    name: 'Storm-1152',
    canonical: 'Storm-1152',
    status: 'confirmed',
    createdAt: 1,
    updatedAt: 1,
  });
  await db.actors.put({
    id: 'crimson heron',
    canonical: 'Crimson Heron',
    aliases: [],
    extendsBuiltin: false,
    nameKeys: ['crimson heron'],
    createdAt: 1,
    updatedAt: 1,
  });
  await savePick(db, 'https://news.example/storm', { name: 'Grizzly Steppe', actor: 'APT29', scope: 'everywhere' }, page);
  await pauseSite(db, 'social.example');
  await saveSettings(db, { defaultColor: 'green', showToolbar: false });
}

describe('erase everything', () => {
  it('counts what Gloss keeps, kind by kind', async () => {
    await fill();
    expect(await storedCounts(db)).toEqual({ pages: 2, highlights: 3, tags: 2, verdicts: 1, actors: 1, aliasPicks: 1, pausedSites: 1 });
  });

  it('deletes every record and setting, names the pages and sites it touched, and keeps the welcome record', async () => {
    await claimWelcome(db, 3);
    await fill();
    // A highlight whose page record is missing (an older import) is erased too, and its page named.
    await db.annotations.put({
      ...(await db.annotations.toCollection().first())!,
      id: crypto.randomUUID(),
      pageUrl: 'https://orphan.example/',
    });
    expect(await eraseEverything(db)).toEqual({
      pageUrls: ['https://blog.example/heron', 'https://news.example/storm', 'https://orphan.example/'],
      resumedSites: ['social.example'],
    });
    expect(await storedCounts(db)).toEqual({ pages: 0, highlights: 0, tags: 0, verdicts: 0, actors: 0, aliasPicks: 0, pausedSites: 0 });
    expect(await readSettings(db)).toEqual({ defaultColor: 'yellow', showToolbar: true });
    expect(await db.settings.toArray()).toEqual([{ key: 'welcome-shown-at', value: 3, updatedAt: 3 }]);
    expect(await claimWelcome(db, 9)).toBe(false);
  });

  it('erases an empty database without complaint', async () => {
    expect(await eraseEverything(db)).toEqual({ pageUrls: [], resumedSites: [] });
  });
});
