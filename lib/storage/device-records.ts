/**
 * The records that belong to this browser rather than to what was read: the settings (default colour,
 * toolbar on selection) and the sites where Gloss is paused. A backup of everything carries them
 * (`gloss:settings`, `gloss:pausedSites`), so that restoring a backup restores them too. Sync leaves both
 * alone (lib/sync/sync-tables.ts): a site paused at work need not be paused at home.
 *
 * On import, paused sites merge (a site paused on either side stays paused). Settings from a file replace
 * this browser's only when the person agrees (`replace`), as actor changes do; a setting whose value is
 * already the one in use is kept as the newer record says, with nothing to ask.
 */
import * as v from 'valibot';
import { isSiteKey } from '../url/site';
import { sameData, type ImportCounts, noCounts } from './backup-merge';
import type { GlossDatabase } from './database';
import { COLOR_LABELS, type HighlightColor, type PausedSiteRecord, type SettingRecord } from './records';
import { fail, parseRecord, record, text, timestamp } from './schema-fields';
import { isSettingValue, readSettings, SETTING_KEYS, settingNameOfKey, type GlossSettings } from './settings-store';

/** A paused site as stored: a site key as siteOfUrl makes them, and when it was paused. */
export const PAUSED_SITE = record(
  {
    site: v.pipe(
      text(': site', { max: 300, nonEmpty: true, absent: ' has no site.' }),
      v.check(
        (site: string) => isSiteKey(site),
        ': site is not a web site Gloss can pause (a host name, with its port when that is not the default).',
      ),
    ),
    pausedAt: timestamp(': pausedAt'),
  },
  ' is not an object.',
) satisfies v.GenericSchema<unknown, PausedSiteRecord>;

/** A setting's record before its value is checked against the setting it names. */
const SETTING = record(
  {
    key: text(': key', { max: 200, nonEmpty: true, absent: ' has no key.' }),
    value: v.unknown(),
    updatedAt: timestamp(': updatedAt'),
  },
  ' is not an object.',
);

const shown = (value: unknown): string => (JSON.stringify(value) ?? String(value)).slice(0, 40);

/**
 * A setting's record from a backup. One for a setting this Gloss does not have (a newer Gloss's) is read
 * and then left out by the caller (`isKnownSetting`), as unknown fields are; a known setting with a value
 * it cannot take is a RecordProblem naming the place.
 */
export function parseSetting(value: unknown, place: string): SettingRecord {
  const parsed = parseRecord(SETTING, value, place);
  const name = settingNameOfKey(parsed.key);
  if (name !== undefined && !isSettingValue(name, parsed.value)) fail(`${place}: ${parsed.key} cannot be ${shown(parsed.value)}.`);
  return { key: parsed.key, value: parsed.value, updatedAt: parsed.updatedAt };
}

export const isKnownSetting = (setting: SettingRecord): boolean => settingNameOfKey(setting.key) !== undefined;

export const parsePausedSite = (value: unknown, place: string): PausedSiteRecord => parseRecord(PAUSED_SITE, value, place);

/** The settings records worth a backup (known settings with valid values, by key) and the paused sites (by site). */
export async function readDeviceRecords(db: GlossDatabase): Promise<{ settings: SettingRecord[]; pausedSites: PausedSiteRecord[] }> {
  const keys = Object.values(SETTING_KEYS).sort();
  const stored = await db.settings.bulkGet(keys);
  const settings = stored.filter((setting): setting is SettingRecord => {
    const name = setting ? settingNameOfKey(setting.key) : undefined;
    return name !== undefined && isSettingValue(name, setting!.value);
  });
  return {
    settings: settings.map(({ key, value, updatedAt }) => ({ key, value, updatedAt })),
    pausedSites: await db.pausedSites.orderBy('site').toArray(),
  };
}

/** A setting a backup would change: its name, the value in use now, and the file's. */
export interface SettingChange<K extends keyof GlossSettings = keyof GlossSettings> {
  name: K;
  from: GlossSettings[K];
  to: GlossSettings[K];
}

/** The settings whose value importing `incoming` would change (in the file's order); none when it changes nothing. */
export async function settingChanges(db: GlossDatabase, incoming: readonly SettingRecord[]): Promise<SettingChange[]> {
  if (incoming.length === 0) return [];
  const now = await readSettings(db);
  return incoming.flatMap((setting): SettingChange[] => {
    const name = settingNameOfKey(setting.key);
    if (name === undefined || !isSettingValue(name, setting.value) || sameData(now[name], setting.value)) return [];
    return [{ name, from: now[name], to: setting.value } as SettingChange];
  });
}

/**
 * The changes in words for people: "sets the default colour to Blue (now Yellow) and turns the toolbar on
 * selection off"; without `withNow`, the colour in use before is left out.
 */
export function describeSettingChanges(changes: readonly SettingChange[], withNow = true): string {
  const parts = changes.map((change) =>
    change.name === 'defaultColor'
      ? `sets the default colour to ${COLOR_LABELS[change.to as HighlightColor]}` +
        (withNow ? ` (now ${COLOR_LABELS[change.from as HighlightColor]})` : '')
      : `turns the toolbar on selection ${change.to ? 'on' : 'off'}`,
  );
  return parts.join(' and ');
}

/**
 * Writes a backup's settings. A setting whose value is already in use takes the newer record (its time
 * says when a colour was last chosen). One with another value replaces this browser's only with `replace`
 * (the person agreed to settingChanges). Run inside the import's transaction.
 */
export async function importSettings(db: GlossDatabase, incoming: readonly SettingRecord[], replace: boolean): Promise<ImportCounts> {
  const counts = noCounts();
  if (incoming.length === 0) return counts;
  const now = await readSettings(db);
  const stored = await db.settings.bulkGet(incoming.map((setting) => setting.key));
  const writes: SettingRecord[] = [];
  incoming.forEach((setting, i) => {
    const name = settingNameOfKey(setting.key);
    const local = stored[i];
    const same = name !== undefined && sameData(now[name], setting.value);
    const newer = local === undefined || setting.updatedAt > local.updatedAt;
    // A value already in use changes nothing the person sees: the newer record wins, as with any record.
    const take = name !== undefined && (same ? newer : replace);
    if (!take) counts.skipped++;
    else {
      if (local === undefined) counts.added++;
      else counts.updated++;
      writes.push(setting);
    }
  });
  if (writes.length > 0) await db.settings.bulkPut(writes);
  return counts;
}
