import type { GlossSettings } from '@/lib/settings/gloss-settings';
import type { PausedSiteRecord } from '@/lib/storage/records';
import type { StoredCounts } from '@/lib/storage/storage-summary';
import type { ShortcutServices } from '../shortcut-services';

/** The sites where Gloss is paused (lib/url/site.ts keys). */
export interface PausedSiteServices {
  list: () => Promise<PausedSiteRecord[]>;
  /** Resumes Gloss on a site; its open tabs start again. Rejects, with a message for people, on failure. */
  resume: (site: string) => Promise<void>;
  /** Calls back when a site is paused or resumed elsewhere; returns the unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
}

/** How much Gloss keeps: record counts, and the bytes the browser counts for Gloss (null if it will not say). */
export interface DataSummary {
  counts: StoredCounts;
  bytes: number | null;
}

/** What the settings page needs from the extension; tests give it fakes. */
export interface SettingsServices extends ShortcutServices {
  loadSettings: () => Promise<GlossSettings>;
  /** Stores some settings (every open tab follows); resolves to all of them as they now are. */
  saveSettings: (changes: Partial<GlossSettings>) => Promise<GlossSettings>;
  /** Calls back when the settings change elsewhere (another settings page, an erase); returns the unsubscribe function. */
  subscribeSettings: (onChange: (settings: GlossSettings) => void) => () => void;
  dataSummary: () => Promise<DataSummary>;
  /** Calls back when stored data changes elsewhere (highlights, paused sites); returns the unsubscribe function. */
  subscribeData: (onChange: () => void) => () => void;
  /** Saves the lossless JSON backup of everything; resolves to the file's name. */
  exportEverything: () => Promise<string>;
  /** Deletes every record (the person has confirmed); resolves to what there was. */
  eraseEverything: () => Promise<StoredCounts>;
  pausedSites: PausedSiteServices;
}
