import type { ExportFile } from '@/lib/export/export-files';
import type { ExportFormat } from '@/lib/messaging/contract';
import type { ImportReport } from '@/lib/storage/backup-store';
import type { AnnotationRecord, PageRecord } from '@/lib/storage/records';

export interface LibraryData {
  pages: PageRecord[];
  annotations: AnnotationRecord[];
  /** Display names of the threat actors pages mention, by actorKey. */
  actorNames: Map<string, string>;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; message: string };

/** What the library page needs from the extension; tests give it fakes. */
export interface LibraryServices {
  load: () => Promise<LibraryData>;
  /** Opens a saved page (or its tab) and scrolls to the highlight. */
  open: (url: string, annotationId: string | null) => Promise<{ ok: boolean; message?: string }>;
  /** The given pages (all when null) as one file. */
  exportPages: (format: ExportFormat, urls: string[] | null) => Promise<ExportFile>;
  save: (file: ExportFile) => void;
  copy: (text: string) => Promise<boolean>;
  importBackup: (file: File) => Promise<ImportOutcome>;
  renameTag: (fromKey: string, toLabel: string) => Promise<{ annotations: number; merged: boolean }>;
  /** Calls back when stored highlights change elsewhere; returns the unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
}
