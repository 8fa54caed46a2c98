import type { ExportFile } from '@/lib/export/export-files';
import type { ExportFormat } from '@/lib/messaging/contract';
import type { SkippedRecord } from '@/lib/export/web-annotation/parse-backup';
import type { ActorChange } from '@/lib/storage/actor-changes';
import type { AnnotationChanges } from '@/lib/storage/annotation-store';
import type { ImportReport } from '@/lib/storage/backup-store';
import type { AnnotationRecord, PageRecord, PausedSiteRecord } from '@/lib/storage/records';

export type { ActorChange, SkippedRecord };

/**
 * What an import did: the counts; the records of the file it left out, and why; the actor changes the
 * backup holds (empty when none) and whether they were applied.
 */
export type ImportOutcome =
  | { ok: true; report: ImportReport; skipped: SkippedRecord[]; actorChanges: ActorChange[]; actorsApplied: boolean }
  | { ok: false; message: string };

/** Asks the user whether a backup's actor changes apply; resolves true to apply them. */
export type ConfirmActorChanges = (changes: ActorChange[]) => Promise<boolean>;

/** What a long import is doing now, for the status line. */
export type ImportStep = 'reading' | 'checking' | 'saving';

/** The sites where Gloss is paused (lib/url/site.ts keys). */
export interface PausedSiteServices {
  list: () => Promise<PausedSiteRecord[]>;
  /** Resumes Gloss on a site; its open tabs start again. Rejects, with a message for people, on failure. */
  resume: (site: string) => Promise<void>;
  /** Calls back when a site is paused or resumed elsewhere; returns the unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
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
  open: (url: string, annotationId: string | null) => Promise<{ ok: boolean; message?: string }>;
  /** The given pages (all when null) as one file. */
  exportPages: (format: ExportFormat, urls: string[] | null) => Promise<ExportFile>;
  save: (file: ExportFile) => void;
  copy: (text: string) => Promise<boolean>;
  /**
   * Imports a JSON backup. When it would change actors, `confirmActors` is asked first (without it, the
   * actor changes are left out); the highlights import either way.
   */
  importBackup: (file: File, onStep?: (step: ImportStep) => void, confirmActors?: ConfirmActorChanges) => Promise<ImportOutcome>;
  renameTag: (fromKey: string, toLabel: string) => Promise<{ annotations: number; merged: boolean }>;
  /** Edits, deletes and undoes a deletion through the background, which repaints open tabs of the page. */
  highlights: HighlightEditServices;
  /** Calls back when stored highlights change elsewhere; returns the unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
  pausedSites: PausedSiteServices;
}
