/**
 * Gloss's settings and facts about this installation, one record per key in the `settings` table
 * (schema 5). Every value is checked when it is read back: a value another version of Gloss wrote, or
 * one damaged on disk, gives way to its default instead of breaking the toolbar or the shortcut.
 */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, type GlossSettings } from '../settings/gloss-settings';
import type { GlossDatabase } from './database';
import { HIGHLIGHT_COLORS } from './records';
import { RecordProblem } from './schema-fields';

/** When the welcome page was first shown (ms since 1970): it is shown once per installation. */
const WELCOME_SHOWN = 'welcome-shown-at';

export { DEFAULT_SETTINGS, type GlossSettings };

/** The record of the default colour; its `updatedAt` tells the shortcut when it was last chosen. */
export const DEFAULT_COLOR_KEY = 'default-color';
const KEYS: { [K in keyof GlossSettings]: string } = { defaultColor: DEFAULT_COLOR_KEY, showToolbar: 'show-toolbar' };
const NAMES = Object.keys(KEYS) as (keyof GlossSettings)[];

/** Each setting's record key, by the setting's name (the backup carries the records under these keys). */
export const SETTING_KEYS: Readonly<{ [K in keyof GlossSettings]: string }> = Object.freeze({ ...KEYS });

/** The setting stored under a record key, or undefined for any other key (the welcome record, a newer Gloss's setting). */
export function settingNameOfKey(key: string): keyof GlossSettings | undefined {
  return NAMES.find((name) => KEYS[name] === key);
}

/** Whether `value` is one the setting can take. */
export function isSettingValue<K extends keyof GlossSettings>(name: K, value: unknown): value is GlossSettings[K] {
  return v.is(settingSchemas().each[name], value);
}

type SettingSchemas = { [K in keyof GlossSettings]: v.GenericSchema<unknown, GlossSettings[K]> };
type ChangesSchema = v.GenericSchema<unknown, Partial<GlossSettings>>;
let schemas: { each: SettingSchemas; changes: ChangesSchema } | null = null;

/**
 * The schema each stored value must meet, and the one for a set of changes (only known settings, each
 * valid). Made on first use: the contract checks changes with it, and the always-on content script,
 * which imports the contract for its types and one helper, should not build schemas it never uses.
 */
function settingSchemas(): { each: SettingSchemas; changes: ChangesSchema } {
  if (!schemas) {
    const each: SettingSchemas = { defaultColor: v.picklist(HIGHLIGHT_COLORS), showToolbar: v.boolean() };
    const changes = v.strictObject({ defaultColor: v.optional(each.defaultColor), showToolbar: v.optional(each.showToolbar) });
    schemas = { each, changes };
  }
  return schemas;
}

/** Whether `value` is a valid set of changes to the settings (some or all of them). */
export function isSettingChanges(value: unknown): value is Partial<GlossSettings> {
  return v.is(settingSchemas().changes, value);
}

/** Every setting as stored, each one that is missing or not valid as its default. */
export async function readSettings(db: GlossDatabase): Promise<GlossSettings> {
  const records = await db.settings.bulkGet(NAMES.map((name) => KEYS[name]));
  const { each } = settingSchemas();
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof GlossSettings, unknown>;
  NAMES.forEach((name, i) => {
    const stored = records[i];
    if (stored && v.is(each[name], stored.value)) settings[name] = stored.value;
  });
  return settings as GlossSettings;
}

/**
 * Stores some settings and returns all of them as they now are. Refuses (a RecordProblem) anything that
 * is not a known setting with a valid value, and then stores none of the changes.
 */
export async function saveSettings(db: GlossDatabase, changes: unknown, now = Date.now()): Promise<GlossSettings> {
  const result = v.safeParse(settingSchemas().changes, changes);
  if (!result.success) {
    const issue = result.issues[0];
    const name = issue.path?.map((item) => String(item.key)).join('.');
    throw new RecordProblem(name ? `Setting ${name} is not valid: ${issue.message}` : `The settings are not valid: ${issue.message}`);
  }
  const records = NAMES.filter((name) => result.output[name] !== undefined).map((name) => ({
    key: KEYS[name],
    value: result.output[name],
    updatedAt: now,
  }));
  return db.transaction('rw', db.settings, async () => {
    await db.settings.bulkPut(records);
    return readSettings(db);
  });
}

/**
 * Records that the welcome page is being shown, in one transaction; true only the first time. A
 * browser may report a fresh install again (Chrome does for an extension loaded from the command
 * line on each launch), so the database, not the browser's account, decides.
 */
export async function claimWelcome(db: GlossDatabase, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(WELCOME_SHOWN)) return false;
    await db.settings.put({ key: WELCOME_SHOWN, value: now, updatedAt: now });
    return true;
  });
}

/** Deletes every setting but the record of the welcome page, which must not come back after an erase. */
export async function clearSettings(db: GlossDatabase): Promise<void> {
  await db.settings.where('key').notEqual(WELCOME_SHOWN).delete();
}
