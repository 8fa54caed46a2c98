import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '@/lib/backup/parse-backup';
import { backupJson } from '@/lib/backup/to-json-ld';
import { clearPick, picksForPage, savePick } from '@/lib/storage/alias-pick-store';
import { importSnapshot, readSnapshot } from '@/lib/storage/backup-store';
import { GlossDatabase } from '@/lib/storage/database';
import { keepAliasPick } from '@/lib/storage/keep-records';
import { RecordProblem } from '@/lib/storage/schema-fields';

const PAGE = 'https://news.example/grizzly-steppe';
const OTHER = 'https://blog.example/elections';
const details = { title: 'Grizzly Steppe', siteName: 'News' };

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('alias picks', () => {
  it('keeps a pick for this page (and the page), another for every page, and gives a page both', async () => {
    const pick = await savePick(db, PAGE, { name: ' Grizzly  Steppe ', actor: 'APT29', scope: 'page' }, details, 1000);
    expect(pick).toEqual({
      id: `${PAGE}\ngrizzly steppe`,
      scope: 'page',
      pageUrl: PAGE,
      name: 'Grizzly Steppe',
      nameKey: 'grizzly steppe',
      actor: 'APT29',
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(await db.pages.get(PAGE)).toMatchObject({ title: 'Grizzly Steppe', siteName: 'News' });
    const everywhere = await savePick(db, OTHER, { name: 'Charming Kitten', actor: 'Charming Kitten', scope: 'everywhere' }, null, 2000);
    expect(everywhere).toMatchObject({ id: '*\ncharming kitten', scope: 'everywhere', actor: 'Charming Kitten' });
    expect(everywhere.pageUrl).toBeUndefined();
    expect(await picksForPage(db, PAGE)).toEqual([
      { name: 'Charming Kitten', actor: 'Charming Kitten', scope: 'everywhere' },
      { name: 'Grizzly Steppe', actor: 'APT29', scope: 'page' },
    ]);
    expect(await picksForPage(db, OTHER)).toEqual([{ name: 'Charming Kitten', actor: 'Charming Kitten', scope: 'everywhere' }]);
    expect(await picksForPage(db, null)).toEqual([{ name: 'Charming Kitten', actor: 'Charming Kitten', scope: 'everywhere' }]);
  });

  it('replaces a pick of the same reach, and clears only the reach asked for', async () => {
    await savePick(db, PAGE, { name: 'Grizzly Steppe', actor: 'APT29', scope: 'page' }, details, 1000);
    await savePick(db, PAGE, { name: 'grizzly steppe', actor: 'APT28', scope: 'page' }, details, 2000);
    await savePick(db, PAGE, { name: 'Grizzly Steppe', actor: 'APT29', scope: 'everywhere' }, details, 3000);
    expect(await db.aliasPicks.get(`${PAGE}\ngrizzly steppe`)).toMatchObject({ actor: 'APT28', createdAt: 1000, updatedAt: 2000 });
    expect((await clearPick(db, PAGE, 'GRIZZLY STEPPE', 'page'))?.actor).toBe('APT28');
    expect(await picksForPage(db, PAGE)).toEqual([{ name: 'Grizzly Steppe', actor: 'APT29', scope: 'everywhere' }]);
    expect(await clearPick(db, PAGE, 'Grizzly Steppe', 'page')).toBeNull();
    await clearPick(db, OTHER, 'Grizzly Steppe', 'everywhere');
    expect(await picksForPage(db, PAGE)).toEqual([]);
  });

  it('refuses a pick without a name or actor, or one whose id does not match it', async () => {
    await expect(savePick(db, PAGE, { name: '   ', actor: 'APT29', scope: 'page' }, details)).rejects.toBeInstanceOf(RecordProblem);
    await expect(savePick(db, PAGE, { name: 'Grizzly Steppe', actor: '', scope: 'page' }, details)).rejects.toBeInstanceOf(RecordProblem);
    const base = {
      id: '*\ngrizzly steppe',
      scope: 'everywhere' as const,
      name: 'Grizzly Steppe',
      nameKey: 'grizzly steppe',
      actor: 'APT29',
      createdAt: 1,
      updatedAt: 1,
    };
    expect(keepAliasPick(base)).toEqual(base);
    expect(() => keepAliasPick({ ...base, pageUrl: PAGE })).toThrow('pageUrl must be given for a pick on a page, and only then.');
    expect(() => keepAliasPick({ ...base, nameKey: 'apt29' })).toThrow('nameKey does not match the name.');
    expect(() => keepAliasPick({ ...base, id: `${PAGE}\ngrizzly steppe` })).toThrow('id does not match its page and name.');
    expect(await db.aliasPicks.count()).toBe(0);
  });

  it('travels in the JSON backup: a page’s export holds its picks and those for every page, and import restores them', async () => {
    await savePick(db, PAGE, { name: 'Grizzly Steppe', actor: 'APT29', scope: 'page' }, details, 1000);
    await savePick(db, OTHER, { name: 'Labyrinth Chollima', actor: 'Lazarus Group', scope: 'page' }, details, 1500);
    await savePick(db, PAGE, { name: 'Charming Kitten', actor: 'Magic Hound', scope: 'everywhere' }, details, 2000);
    const pageOnly = await readSnapshot(db, [PAGE]);
    expect(pageOnly.aliasPicks?.map((p) => p.id)).toEqual(['*\ncharming kitten', `${PAGE}\ngrizzly steppe`]);

    const text = backupJson(await readSnapshot(db));
    expect(text).toContain('"gloss:aliasPicks"');
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.skipped).toEqual([]);
    const fresh = new GlossDatabase(`test-${crypto.randomUUID()}`);
    try {
      const report = await importSnapshot(fresh, parsed.snapshot);
      expect(report.aliasPicks).toEqual({ added: 3, updated: 0, skipped: 0 });
      expect(await picksForPage(fresh, PAGE)).toEqual(await picksForPage(db, PAGE));
      expect(backupJson(await readSnapshot(fresh))).toBe(text);
    } finally {
      await fresh.delete();
    }
  });

  it('reads a backup without picks (an older file) as having none, and skips a broken pick with its reason', () => {
    const older = parseBackup(JSON.stringify({ '@context': [], type: 'AnnotationCollection', 'gloss:version': 1, total: 0 }));
    expect(older.ok && older.snapshot.aliasPicks).toEqual([]);
    const broken = parseBackup(
      JSON.stringify({
        type: 'AnnotationCollection',
        'gloss:version': 1,
        total: 0,
        'gloss:aliasPicks': [{ id: '*\nx', scope: 'page', name: 'X', nameKey: 'x', actor: 'APT29', createdAt: 1, updatedAt: 1 }],
      }),
    );
    expect(broken.ok && broken.skipped).toEqual([
      { place: 'Alias pick 1', message: 'Alias pick 1: pageUrl must be given for a pick on a page, and only then.' },
    ]);
  });
});
