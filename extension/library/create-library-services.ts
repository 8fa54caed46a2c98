import { browser, type Browser } from 'wxt/browser';
import type { LibraryServices } from '@/components/library/library-services';
import { MAX_BACKUP_BYTES, parseBackup } from '@/lib/backup/parse-backup';
import { actorChanges } from '@/lib/storage/actor-changes';
import { importSnapshot, type LoadedRecords } from '@/lib/storage/backup-store';
import { settingChanges } from '@/lib/storage/device-records';
import type { AnnotationRecord, PageRecord } from '@/lib/storage/records';
import { GlossDatabase } from '@/lib/storage/database';
import { readPageExports } from '@/lib/storage/export-reader';
import { renameTag } from '@/lib/storage/tag-admin';
import { isBroadcast } from '../broadcasts';
import { copyText, saveFile } from '../files/save-file';
import { sendRequest } from '../send-request';
import { exportSavedPages, resolveActors } from './export-saved-pages';
import { vaultServices } from './vault-services';

/**
 * Lets the status line paint before a long synchronous step. Not requestAnimationFrame: it never fires
 * while the tab is in the background, and an import must go on then.
 */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

/**
 * The library reads and writes the database directly: an extension page shares the background's
 * origin, so this is the same database (web pages can never reach it), and a library of 100,000
 * highlights need not be copied through messages. The background hears of every write, so open tabs
 * repaint and the dictionaries pick up imported actors.
 */
export function createLibraryServices(db = new GlossDatabase()): LibraryServices {
  // What the page last read, reused by exports (reading 100,000 highlights again takes over a second);
  // forgotten the moment anything changes, so an export never works from stale records.
  let loaded: { pages?: PageRecord[]; annotations?: AnnotationRecord[] } = {};
  const forget = () => {
    loaded = {};
  };
  const current = (): LoadedRecords | undefined =>
    loaded.pages && loaded.annotations ? { pages: loaded.pages, annotations: loaded.annotations } : undefined;
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (isBroadcast(message, sender, 'annotations-changed') || isBroadcast(message, sender, 'entities-changed')) forget();
  });

  return {
    async loadPages() {
      forget();
      loaded.pages = await db.pages.toArray();
      return loaded.pages;
    },
    async loadHighlights() {
      const annotations = await db.annotations.toArray();
      if (loaded.pages) loaded.annotations = annotations;
      return annotations;
    },
    async actorNames(keys) {
      return new Map((await resolveActors(keys, new Map())).map((profile) => [profile.key, profile.canonical]));
    },
    open: (url, annotationId) => sendRequest({ type: 'open-saved-page', url, annotationId }),
    // Through the background, like the popup's: it stores the change and repaints every tab of the page.
    highlights: {
      update: (id, changes) => sendRequest({ type: 'update-annotation', id, changes }),
      remove: async (id) => void (await sendRequest({ type: 'delete-annotation', id })),
      restore: async (record) => void (await sendRequest({ type: 'restore-annotation', record })),
    },
    exportPages: (format, urls) => exportSavedPages(db, format, urls, current()),
    save: saveFile,
    copy: copyText,
    async importBackup(file, onStep = () => undefined, confirmActors = async () => false, confirmSettings = async () => false) {
      if (file.size > MAX_BACKUP_BYTES) {
        return {
          ok: false,
          message: `That file is ${Math.round(file.size / 2 ** 20)} MB; a Gloss backup can be at most ${MAX_BACKUP_BYTES / 2 ** 20} MB.`,
        };
      }
      onStep('reading');
      const text = await file.text();
      onStep('checking');
      await nextFrame();
      const parsed = parseBackup(text);
      if (!parsed.ok) return parsed;
      // Actors change what Gloss finds on every later page: they apply only when the user agrees.
      const changes = await actorChanges(db, parsed.snapshot.actors);
      const actorsApplied = changes.length > 0 && (await confirmActors(changes));
      // Settings apply in every tab: a file replaces the ones in use only when the user agrees, too.
      const settings = await settingChanges(db, parsed.snapshot.settings ?? []);
      const settingsApplied = settings.length > 0 && (await confirmSettings(settings));
      onStep('saving');
      await nextFrame();
      forget();
      const report = await importSnapshot(db, parsed.snapshot, { actors: actorsApplied, settings: settingsApplied });
      await sendRequest({
        type: 'library-changed',
        pageUrls: [...new Set(parsed.snapshot.annotations.map((a) => a.pageUrl))],
        actorsChanged: report.actors.added + report.actors.updated > 0,
        entitiesChanged: report.entityTags.added + report.entityTags.updated + report.aliasPicks.added + report.aliasPicks.updated > 0,
        settingsChanged: report.settings.added + report.settings.updated > 0,
        pausedSites: report.pausedSites.added > 0 ? (parsed.snapshot.pausedSites ?? []).map((paused) => paused.site) : [],
      }).catch(() => undefined);
      return { ok: true, report, skipped: parsed.skipped, actorChanges: changes, actorsApplied, settingChanges: settings, settingsApplied };
    },
    async renameTag(fromKey, toLabel) {
      forget();
      const result = await renameTag(db, fromKey, toLabel);
      await sendRequest({ type: 'library-changed', pageUrls: [], actorsChanged: false }).catch(() => undefined);
      return result;
    },
    subscribe(onChange) {
      const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
        // A verdict changes which actors a page lists (its card, the actor filter), as a highlight does.
        if (isBroadcast(message, sender, 'annotations-changed') || isBroadcast(message, sender, 'entities-changed')) onChange();
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
    vault: vaultServices(db, (urls) => readPageExports(db, urls, resolveActors, current())),
  };
}
