import type { EntityMark } from '@/lib/messaging/contract';
import type { PdfPlace } from '@/lib/messaging/pdf-viewer-port';
import type { PdfReadingProgress, PdfTabAnalysis } from '@/lib/pdf-viewer/pdf-tab-analysis';
import type { PdfView } from './pdf-view';

/**
 * The viewer's part in the popup and side panel opened for its tab: it reports what it read to the
 * background and does what the background asks (extension/pdf/pdf-tab-link.ts implements it).
 */
export interface PdfTabHandlers {
  goTo: (place: PdfPlace) => Promise<{ found: boolean }>;
  markEntities: (marks: EntityMark[], focus: number | null) => Promise<{ located: boolean[] }>;
  focusEntityMark: (index: number) => Promise<{ found: boolean }>;
  clearEntityMarks: () => Promise<{ ok: boolean }>;
  entityMarksShown: () => Promise<{ shown: boolean }>;
  selection: () => Promise<{ text: string }>;
}

export interface PdfTabLink {
  progress: (progress: PdfReadingProgress) => void;
  analysis: (analysis: PdfTabAnalysis) => void;
  /** The page being read (counted from 1), for a side panel that marks its section. */
  reading: (pageNumber: number) => void;
  close: () => void;
}

/** Entity marks in the text layers (extension/pdf/pdf-entity-marks.ts). */
export interface EntityMarksPainter {
  setLayer: (page: number, layer: HTMLElement | null) => void;
  mark: (marks: readonly EntityMark[]) => Promise<boolean[]>;
  /** Marks mention `index` as the focused one; its page (0-based), or null when it was not found. */
  focus: (index: number) => number | null;
  focusedRange: () => Range | null;
  clear: () => void;
  shown: () => boolean;
}

/** A passage shown to the reader (a highlight or heading from the popup): its range once its page is drawn. */
export interface PlacePainter {
  setLayer: (page: number, layer: HTMLElement | null) => void;
  /** Marks the passage; resolves to its page (0-based) and a way to get its range, or null when it is not in the text. */
  show: (start: number, end: number) => Promise<{ page: number; range: () => Range | null } | null>;
}

export interface PdfTabServices {
  connect: (handlers: PdfTabHandlers) => PdfTabLink;
  entityMarks: (view: PdfView) => EntityMarksPainter;
  places: (view: PdfView) => PlacePainter;
}
