/**
 * The port between Gloss's PDF viewer (pdf.html, an extension page in a tab) and the background. The
 * background cannot inject a page reader into an extension page, so the viewer reports its document
 * (progress while it reads, then the analysis) and the background asks it to act: go to a page or a
 * passage, mark entity mentions, say what is selected. The background admits the port only from pdf.html
 * itself (extension/background/pdf-viewer-tabs.ts).
 */
import type { EntityMark } from './contract';
import type { PdfReadingProgress, PdfTabAnalysis } from '../pdf-viewer/pdf-tab-analysis';

export const PDF_VIEWER_PORT = 'gloss-pdf-viewer';

/** A place in the document: a page (from the outline), or a passage of the document text (a highlight, a mention). */
export interface PdfPlace {
  pageNumber: number | null;
  /** Offsets into the document text; the passage is scrolled to and flashed once its page is drawn. */
  start?: number;
  end?: number;
}

/** What the background asks of the viewer, with the viewer's answers. */
export interface PdfViewerCommands {
  'go-to': { args: { place: PdfPlace }; reply: { found: boolean } };
  'mark-entities': { args: { marks: EntityMark[]; focus: number | null }; reply: { located: boolean[] } };
  'focus-entity-mark': { args: { index: number }; reply: { found: boolean } };
  'clear-entity-marks': { args: object; reply: { ok: boolean } };
  'entity-marks-shown': { args: object; reply: { shown: boolean } };
  selection: { args: object; reply: { text: string } };
}

export type PdfViewerCommand = keyof PdfViewerCommands;

/** Background → viewer. */
export type PdfViewerCall = { kind: 'call'; id: number; command: PdfViewerCommand; args: unknown };

/**
 * Viewer → background. `reading` is the page being read (the one under the upper third of the view), sent
 * as it changes: a count, never text; the background passes it on only while a side panel watches the tab.
 */
export type PdfViewerReport =
  | { kind: 'progress'; progress: PdfReadingProgress }
  | { kind: 'analysis'; analysis: PdfTabAnalysis }
  | { kind: 'reading'; pageNumber: number }
  | { kind: 'reply'; id: number; value: unknown };

const COMMANDS: readonly string[] = [
  'go-to',
  'mark-entities',
  'focus-entity-mark',
  'clear-entity-marks',
  'entity-marks-shown',
  'selection',
];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isPdfViewerCall(message: unknown): message is PdfViewerCall {
  return (
    isObject(message) &&
    message.kind === 'call' &&
    Number.isInteger(message.id) &&
    typeof message.command === 'string' &&
    COMMANDS.includes(message.command) &&
    isObject(message.args)
  );
}

export function isPdfViewerReport(message: unknown): message is PdfViewerReport {
  if (!isObject(message)) return false;
  if (message.kind === 'progress') {
    const progress = message.progress;
    return isObject(progress) && Number.isInteger(progress.pagesRead) && Number.isInteger(progress.pageCount);
  }
  if (message.kind === 'analysis') return isObject(message.analysis);
  if (message.kind === 'reading') return Number.isInteger(message.pageNumber) && (message.pageNumber as number) >= 1;
  return message.kind === 'reply' && Number.isInteger(message.id);
}
