/**
 * The tabs showing Gloss's PDF viewer, and what each has read. The background cannot read an extension
 * page as it reads a web page, so the viewer holds a port open to it (lib/messaging/pdf-viewer-port.ts):
 * it reports its progress and then its analysis (text, outline, metadata, address, document key), and the
 * background asks it to go to a place or mark entities. Only Gloss's own pdf.html, top frame of a tab, may
 * open that port: a web page's content script, another extension page or a frame is disconnected at once,
 * so nothing else can supply a PDF's analysis, and the analysis is only ever read by the background's
 * handlers, which answer Gloss's own pages alone (contract.ts).
 *
 * A service worker that stops loses this map; the viewer learns it from its port's disconnection and
 * comes back when asked (`pdf-viewer-wanted`), so an idle viewer does not keep the background awake.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  isPdfViewerReport,
  PDF_VIEWER_PORT,
  type PdfViewerCommand,
  type PdfViewerCommands,
  type PdfViewerCall,
} from '@/lib/messaging/pdf-viewer-port';
import { BadPdfAnalysis, checkPdfTabAnalysis, type PdfReadingProgress, type PdfTabAnalysis } from '@/lib/pdf-viewer/pdf-tab-analysis';
import { MAX_PDF_PAGES } from '@/lib/pdf/pdf-problems';
import { isExtensionUrl, PDF_VIEWER_PATH } from './callers';

type Port = Browser.runtime.Port;
type Sender = Browser.runtime.MessageSender;

/** How long the background waits for a viewer to answer, or to come back when asked. */
const VIEWER_ANSWER_MS = 10_000;
const VIEWER_RETURN_MS = 4_000;

export interface PdfViewerTab {
  tabId: number;
  progress: PdfReadingProgress | null;
  analysis: PdfTabAnalysis | null;
}

interface Entry extends PdfViewerTab {
  port: Port;
  /** The page being read, as the viewer last reported it (null before its first report). */
  readingPage: number | null;
  pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}

const tabs = new Map<number, Entry>();
/** The tabs a side panel watches (reading-position-watch.ts): only theirs have the page being read passed on. */
const watchedForReading = new Set<number>();
const arrivals = new Set<() => void>();
let nextCall = 1;

/** Whether `url` is Gloss's own PDF viewer. */
export function isPdfViewerUrl(url: unknown): boolean {
  return isExtensionUrl(url) && new URL(url).pathname === PDF_VIEWER_PATH;
}

/** The tab of a viewer port's sender, or why it is refused. */
export function pdfViewerTabOf(sender: Sender | undefined): number | { refused: string } {
  if (!sender || sender.id !== browser.runtime.id) return { refused: 'not from Gloss' };
  if (!isPdfViewerUrl(sender.url)) return { refused: 'only Gloss’s PDF viewer (pdf.html) reports PDFs' };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return { refused: 'the viewer is not in a tab' };
  if (sender.frameId !== undefined && sender.frameId !== 0) return { refused: 'the viewer must be the top frame of its tab' };
  return tabId;
}

function broadcast(message: object): void {
  // No extension page may be listening (the popup is closed): that is no error.
  void browser.runtime.sendMessage(message).catch(() => undefined);
}

function accept(entry: Entry, message: unknown): void {
  if (!isPdfViewerReport(message)) return;
  if (message.kind === 'reply') {
    const waiting = entry.pending.get(message.id);
    entry.pending.delete(message.id);
    waiting?.resolve(message.value);
    return;
  }
  if (message.kind === 'reading') {
    const pageCount = entry.analysis?.pageCount ?? entry.progress?.pageCount ?? MAX_PDF_PAGES;
    if (message.pageNumber > pageCount || message.pageNumber === entry.readingPage) return;
    entry.readingPage = message.pageNumber;
    announceReadingPage(entry);
    return;
  }
  if (message.kind === 'progress') {
    const { pagesRead, pageCount } = message.progress;
    if (pagesRead < 0 || pageCount < 1 || pagesRead > pageCount) return;
    entry.progress = { pagesRead, pageCount };
    // Only counts leave the background: the text stays here.
    broadcast({ type: 'pdf-reading', tabId: entry.tabId, pagesRead, pageCount, ready: entry.analysis !== null });
    return;
  }
  try {
    entry.analysis = checkPdfTabAnalysis(message.analysis);
  } catch (error) {
    console.warn('Gloss refused a PDF analysis from its viewer:', error instanceof BadPdfAnalysis ? error.message : error);
    return;
  }
  entry.progress = { pagesRead: entry.analysis.pageCount, pageCount: entry.analysis.pageCount };
  broadcast({
    type: 'pdf-reading',
    tabId: entry.tabId,
    pagesRead: entry.analysis.pageCount,
    pageCount: entry.analysis.pageCount,
    ready: true,
  });
}

function announceReadingPage(entry: Entry): void {
  if (entry.readingPage === null || !watchedForReading.has(entry.tabId)) return;
  // The page's number only: what is on it stays in the viewer.
  broadcast({ type: 'pdf-reading-position', tabId: entry.tabId, pageNumber: entry.readingPage });
}

/**
 * A side panel started (or stopped) showing tab `tabId`: while one does, the page being read in a viewer
 * there is passed on as it changes, starting with where it is now (the panel should not wait for a scroll).
 * A tab without a viewer yet is remembered, for a viewer that connects (again) later.
 */
export function watchPdfReadingPosition(tabId: number, watched: boolean): void {
  if (!watched) {
    watchedForReading.delete(tabId);
    return;
  }
  watchedForReading.add(tabId);
  const entry = tabs.get(tabId);
  if (entry) announceReadingPage(entry);
}

/**
 * runtime.onConnect's handler for the viewer's port. Returns false for someone else's port; a port named
 * as the viewer's from anything but pdf.html is disconnected.
 */
export function admitPdfViewerPort(port: Port): boolean {
  if (port.name !== PDF_VIEWER_PORT) return false;
  const tabId = pdfViewerTabOf(port.sender);
  if (typeof tabId !== 'number') {
    console.warn(`Gloss refused a PDF viewer port: ${tabId.refused}.`);
    port.disconnect();
    return true;
  }
  const before = tabs.get(tabId);
  if (before && before.port !== port) drop(before);
  const entry: Entry = { tabId, port, progress: null, analysis: null, readingPage: null, pending: new Map() };
  tabs.set(tabId, entry);
  port.onMessage.addListener((message) => accept(entry, message));
  port.onDisconnect.addListener(() => {
    if (tabs.get(tabId) === entry) tabs.delete(tabId);
    drop(entry);
  });
  for (const arrived of [...arrivals]) arrived();
  return true;
}

function drop(entry: Entry): void {
  for (const waiting of entry.pending.values()) waiting.reject(new Error('The PDF viewer closed.'));
  entry.pending.clear();
}

/** The viewer in tab `tabId`, as far as the background knows now. */
export function pdfViewerTab(tabId: number): PdfViewerTab | null {
  return tabs.get(tabId) ?? null;
}

/** The viewer tabs showing the PDF with this document key (once they have read it). */
export function pdfViewerTabsShowing(documentKey: string): PdfViewerTab[] {
  return [...tabs.values()].filter((entry) => entry.analysis?.documentKey === documentKey);
}

/** A viewer tab the background lost (it was stopped since): asks the viewer to connect again, and waits a little. */
export async function recallPdfViewer(tabId: number): Promise<PdfViewerTab | null> {
  const known = tabs.get(tabId);
  if (known) return known;
  const back = new Promise<PdfViewerTab | null>((resolve) => {
    const timer = setTimeout(() => {
      arrivals.delete(check);
      resolve(null);
    }, VIEWER_RETURN_MS);
    function check() {
      const entry = tabs.get(tabId);
      if (!entry) return;
      clearTimeout(timer);
      arrivals.delete(check);
      resolve(entry);
    }
    arrivals.add(check);
  });
  broadcast({ type: 'pdf-viewer-wanted', tabId });
  return back;
}

/** Asks the viewer in tab `tabId` to do something; rejects when there is none or it does not answer. */
export function callPdfViewer<K extends PdfViewerCommand>(
  tabId: number,
  command: K,
  args: PdfViewerCommands[K]['args'],
): Promise<PdfViewerCommands[K]['reply']> {
  const entry = tabs.get(tabId);
  if (!entry) return Promise.reject(new Error('No PDF viewer in that tab.'));
  const id = nextCall++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      entry.pending.delete(id);
      reject(new Error('The PDF viewer did not answer.'));
    }, VIEWER_ANSWER_MS);
    entry.pending.set(id, {
      resolve: (value) => {
        clearTimeout(timer);
        resolve(value as PdfViewerCommands[K]['reply']);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    const call: PdfViewerCall = { kind: 'call', id, command, args };
    entry.port.postMessage(call);
  });
}

export function installPdfViewerTabs(): void {
  browser.runtime.onConnect.addListener((port) => void admitPdfViewerPort(port));
}

/** Tests only: forget every viewer. */
export function forgetPdfViewerTabs(): void {
  for (const entry of tabs.values()) drop(entry);
  tabs.clear();
  arrivals.clear();
  watchedForReading.clear();
}
