import type { ExportFile } from '@/lib/export/export-files';
import type { ExportFormat } from '@/lib/messaging/contract';
import type { ImportReport } from '@/lib/storage/backup-store';
import type { AnnotationRecord, PageRecord, PausedSiteRecord } from '@/lib/storage/records';

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; message: string };

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
  importBackup: (file: File, onStep?: (step: ImportStep) => void) => Promise<ImportOutcome>;
  renameTag: (fromKey: string, toLabel: string) => Promise<{ annotations: number; merged: boolean }>;
  /** Calls back when stored highlights change elsewhere; returns the unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
  pausedSites: PausedSiteServices;
}
