import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GlossDatabase } from '@/lib/storage/database';
import { claimWelcome, DEFAULT_SETTINGS, isSettingChanges, readSettings, saveSettings } from '@/lib/storage/settings-store';

let db: GlossDatabase;
beforeEach(() => {
  db = new GlossDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('settings store', () => {
  it('gives the defaults when nothing is stored: yellow, toolbar on', async () => {
    expect(await readSettings(db)).toEqual({ defaultColor: 'yellow', showToolbar: true });
    expect(DEFAULT_SETTINGS).toEqual({ defaultColor: 'yellow', showToolbar: true });
  });

  it('stores some settings, keeps the others, and returns all of them as they now are', async () => {
    expect(await saveSettings(db, { defaultColor: 'purple' }, 7)).toEqual({ defaultColor: 'purple', showToolbar: true });
    expect(await saveSettings(db, { showToolbar: false }, 8)).toEqual({ defaultColor: 'purple', showToolbar: false });
    expect(await readSettings(db)).toEqual({ defaultColor: 'purple', showToolbar: false });
    expect(await db.settings.get('default-color')).toEqual({ key: 'default-color', value: 'purple', updatedAt: 7 });
    expect(await db.settings.get('show-toolbar')).toEqual({ key: 'show-toolbar', value: false, updatedAt: 8 });
  });

  it.each([
    ['an unknown colour', { defaultColor: 'orange' }, 'Setting defaultColor is not valid'],
    ['a colour in the wrong case', { defaultColor: 'Blue' }, 'Setting defaultColor is not valid'],
    ['a toolbar switch that is not true or false', { showToolbar: 'no' }, 'Setting showToolbar is not valid'],
    ['an unknown setting', { fontSize: 20 }, 'Setting fontSize is not valid'],
    ['no object at all', 'blue', 'The settings are not valid'],
  ])('refuses %s and stores nothing', async (_name, changes, message) => {
    await expect(saveSettings(db, changes)).rejects.toThrow(message);
    expect(await db.settings.count()).toBe(0);
    expect(isSettingChanges(changes)).toBe(false);
  });

  it('refuses a change with one bad value whole, keeping the good one out too', async () => {
    await expect(saveSettings(db, { defaultColor: 'green', showToolbar: 1 })).rejects.toThrow('Setting showToolbar is not valid');
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a bad stored value (another version, a damaged disk) as its default, and keeps the good ones', async () => {
    await db.settings.bulkPut([
      { key: 'default-color', value: 'ultraviolet', updatedAt: 1 },
      { key: 'show-toolbar', value: false, updatedAt: 1 },
    ]);
    expect(await readSettings(db)).toEqual({ defaultColor: 'yellow', showToolbar: false });
    await db.settings.bulkPut([
      { key: 'default-color', value: 'green', updatedAt: 2 },
      { key: 'show-toolbar', value: 'false', updatedAt: 2 },
    ]);
    expect(await readSettings(db)).toEqual({ defaultColor: 'green', showToolbar: true });
    await db.settings.bulkPut([
      { key: 'default-color', value: null, updatedAt: 3 },
      { key: 'show-toolbar', value: { on: false }, updatedAt: 3 },
    ]);
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('takes partial changes as valid, and an empty change as nothing to do', async () => {
    expect(isSettingChanges({ defaultColor: 'blue' })).toBe(true);
    expect(isSettingChanges({ showToolbar: false })).toBe(true);
    expect(isSettingChanges({})).toBe(true);
    expect(await saveSettings(db, {})).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the welcome record apart from the settings', async () => {
    expect(await claimWelcome(db, 5)).toBe(true);
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(await claimWelcome(db, 6)).toBe(false);
  });
});
