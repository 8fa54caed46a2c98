import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSnapshot, readSnapshot } from '@/lib/storage/backup-store';
import { GlossDatabase } from '@/lib/storage/database';
import { describeSettingChanges, settingChanges } from '@/lib/storage/device-records';
import { pauseSite } from '@/lib/storage/site-pause-store';
import { readSettings, saveSettings } from '@/lib/storage/settings-store';
import type { GlossSnapshot } from '@/lib/export/page-export';
import type { SettingRecord } from '@/lib/storage/records';

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`device-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const nothing = (): GlossSnapshot => ({ pages: [], annotations: [], tags: [], entityTags: [], actors: [], aliasPicks: [] });
const blueAndNoToolbar: SettingRecord[] = [
  { key: 'default-color', value: 'blue', updatedAt: 500 },
  { key: 'show-toolbar', value: false, updatedAt: 400 },
];

describe('settings and paused sites in a backup of everything', () => {
  it('are read with the rest, and left out of a backup of some pages', async () => {
    await saveSettings(db, { defaultColor: 'green' }, 100);
    await pauseSite(db, 'news.example', 200);
    await db.settings.put({ key: 'welcome-shown-at', value: 1, updatedAt: 1 });
    const everything = await readSnapshot(db);
    expect(everything.settings).toEqual([{ key: 'default-color', value: 'green', updatedAt: 100 }]);
    expect(everything.pausedSites).toEqual([{ site: 'news.example', pausedAt: 200 }]);
    const some = await readSnapshot(db, ['https://news.example/a']);
    expect(some.settings).toBeUndefined();
    expect(some.pausedSites).toBeUndefined();
  });

  it('unite paused sites: a site paused here keeps its time, the file adds the others', async () => {
    await pauseSite(db, 'news.example', 200);
    const report = await importSnapshot(db, {
      ...nothing(),
      pausedSites: [
        { site: 'news.example', pausedAt: 999 },
        { site: 'blog.example:8080', pausedAt: 300 },
      ],
    });
    expect(report.pausedSites).toEqual({ added: 1, updated: 0, skipped: 1 });
    expect(await db.pausedSites.orderBy('site').toArray()).toEqual([
      { site: 'blog.example:8080', pausedAt: 300 },
      { site: 'news.example', pausedAt: 200 },
    ]);
  });

  it('replace settings that differ only when the import is told the person agreed', async () => {
    await saveSettings(db, { defaultColor: 'pink' }, 100);
    const file = { ...nothing(), settings: blueAndNoToolbar };
    expect(await settingChanges(db, blueAndNoToolbar)).toEqual([
      { name: 'defaultColor', from: 'pink', to: 'blue' },
      { name: 'showToolbar', from: true, to: false },
    ]);

    const declined = await importSnapshot(db, file, { actors: false, settings: false });
    expect(declined.settings).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect(await readSettings(db)).toEqual({ defaultColor: 'pink', showToolbar: true });

    const agreed = await importSnapshot(db, file, { actors: false, settings: true });
    expect(agreed.settings).toEqual({ added: 1, updated: 1, skipped: 0 });
    expect(await readSettings(db)).toEqual({ defaultColor: 'blue', showToolbar: false });
    expect(await settingChanges(db, blueAndNoToolbar)).toEqual([]);
  });

  it('take a setting already at the file’s value without asking, the newer record winning', async () => {
    await saveSettings(db, { defaultColor: 'blue' }, 100);
    const report = await importSnapshot(db, { ...nothing(), settings: [blueAndNoToolbar[0]] }, { actors: false, settings: false });
    expect(report.settings).toEqual({ added: 0, updated: 1, skipped: 0 });
    expect(await db.settings.get('default-color')).toEqual({ key: 'default-color', value: 'blue', updatedAt: 500 });
    const older = await importSnapshot(db, { ...nothing(), settings: [{ key: 'default-color', value: 'blue', updatedAt: 50 }] });
    expect(older.settings).toEqual({ added: 0, updated: 0, skipped: 1 });
  });

  it('leave both alone when the file has none (an older backup)', async () => {
    await saveSettings(db, { showToolbar: false }, 100);
    await pauseSite(db, 'news.example', 200);
    const report = await importSnapshot(db, nothing());
    expect(report.settings).toEqual({ added: 0, updated: 0, skipped: 0 });
    expect(await readSettings(db)).toEqual({ defaultColor: 'yellow', showToolbar: false });
    expect(await db.pausedSites.count()).toBe(1);
  });

  it('say in words what the settings would change', () => {
    const changes = [
      { name: 'defaultColor' as const, from: 'pink' as const, to: 'blue' as const },
      { name: 'showToolbar' as const, from: true, to: false },
    ];
    expect(describeSettingChanges(changes)).toBe('sets the default colour to Blue (now Pink) and turns the toolbar on selection off');
    expect(describeSettingChanges(changes, false)).toBe('sets the default colour to Blue and turns the toolbar on selection off');
  });
});
