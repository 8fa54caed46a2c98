import type { ExportFile } from '@/lib/export/export-files';
import type { ExportFormat } from '@/lib/messaging/contract';
import type { Outcome } from '@/lib/messaging/outcome';
import type { SkippedRecord } from '@/lib/backup/parse-backup';
import type { ActorChange } from '@/lib/storage/actor-changes';
import type { SettingChange } from '@/lib/storage/device-records';
import type { AnnotationChanges } from '@/lib/storage/annotation-store';
import type { ImportReport } from '@/lib/storage/backup-store';
import type { AnnotationRecord, PageRecord } from '@/lib/storage/records';

export type { ActorChange, SettingChange, SkippedRecord };

/**
 * What an import did: the counts; the records of the file it left out, and why; the actor changes and
 * the settings changes the backup holds (empty when none) and whether they were applied.
 */
export type ImportOutcome =
  | {
      ok: true;
      report: ImportReport;
      skipped: SkippedRecord[];
      actorChanges: ActorChange[];
      actorsApplied: boolean;
      settingChanges: SettingChange[];
      settingsApplied: boolean;
    }
  | { ok: false; message: string };

/** Asks the user whether a backup's actor changes apply; resolves true to apply them. */
export type ConfirmActorChanges = (changes: ActorChange[]) => Promise<boolean>;

/** Asks the user whether a backup's settings replace the ones in use; resolves true to replace them. */
export type ConfirmSettingChanges = (changes: SettingChange[]) => Promise<boolean>;

/** What a long import is doing now, for the status line. */
export type ImportStep = 'reading' | 'checking' | 'saving';

/** What the library's status line says, and whether it is a problem; null when it says nothing. */
export type LibraryStatus = { text: string; problem: boolean } | null;

/** How far a vault update has got: reading the folder's notes, then writing the pages' notes. */
export type VaultProgress = { phase: 'reading'; notes: number } | { phase: 'writing'; done: number; total: number };

/** What a vault update did, per note (paths relative to the folder). */
export interface VaultReport {
  created: string[];
  updated: string[];
  unchanged: number;
  /** Notes or pages left alone, and why. */
  skipped: { what: string; reason: string }[];
}

export type VaultOutcome = { ok: true; report: VaultReport } | { ok: false; message: string };

/** Writing notes straight into an Obsidian vault folder (where the browser can: Chrome's File System Access API). */
export interface VaultServices {
  /** False where the browser cannot write into a folder (Firefox): exports stay downloads there. */
  supported: boolean;
  /** The chosen folder's name, or null when none is chosen. */
  folderName: () => Promise<string | null>;
  /** Opens the folder picker (from a click); the chosen folder's name, or null when the reader cancelled. */
  choose: () => Promise<string | null>;
  forget: () => Promise<void>;
  /**
   * Writes the given pages (all when null) as notes into the folder, rewriting only Gloss's block of
   * notes already there. May ask the reader to allow editing again, so call it from a click.
   */
  update: (urls: string[] | null, onProgress: (progress: VaultProgress) => void) => Promise<VaultOutcome>;
}

/** Changing one highlight from the library; null when it no longer exists. */
export interface HighlightEditServices {
  update: (id: string, changes: AnnotationChanges) => Promise<AnnotationRecord | null>;
  remove: (id: string) => Promise<void>;
  restore: (record: AnnotationRecord) => Promise<void>;
}

/** What the library page needs from the extension; tests give it fakes. */
export interface LibraryServices {
  /** Every saved page: a few thousand records, quick, so the list can paint first. */
  loadPages: () => Promise<PageRecord[]>;
  /** Every highlight: up to hundreds of thousands, read after the pages. */
  loadHighlights: () => Promise<AnnotationRecord[]>;
  /** Display names of threat actors, by actorKey. */
  actorNames: (keys: string[]) => Promise<Map<string, string>>;
  /** Opens a saved page (or its tab) and scrolls to the highlight. */
  open: (url: string, annotationId: string | null) => Promise<Outcome>;
  /** The given pages (all when null) as one file. */
  exportPages: (format: ExportFormat, urls: string[] | null) => Promise<ExportFile>;
  save: (file: ExportFile) => void;
  copy: (text: string) => Promise<boolean>;
  /**
   * Imports a JSON backup. When it would change actors, `confirmActors` is asked first, and when it would
   * change settings, `confirmSettings` (without them, those changes are left out); the highlights, and
   * the paused sites, import either way.
   */
  importBackup: (
    file: File,
    onStep?: (step: ImportStep) => void,
    confirmActors?: ConfirmActorChanges,
    confirmSettings?: ConfirmSettingChanges,
  ) => Promise<ImportOutcome>;
  renameTag: (fromKey: string, toLabel: string) => Promise<{ annotations: number; merged: boolean }>;
  /** Edits, deletes and undoes a deletion through the background, which repaints open tabs of the page. */
  highlights: HighlightEditServices;
  /** Calls back when stored highlights change elsewhere; returns the unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
  vault: VaultServices;
}
