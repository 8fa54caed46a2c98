import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { browser } from 'wxt/browser';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { pageTextOfItems, type PageTextItem } from '@/lib/pdf-viewer/page-text';
import type { PdfOutlineItem } from '@/lib/pdf/pdf-outline';
import { checkPageCount, PDF_MESSAGES, PdfProblem, pdfProblemFrom } from '@/lib/pdf/pdf-problems';
import { viewerProblemFrom } from '@/lib/pdf-viewer/viewer-problems';
import { DocumentTextBuilder, type PdfDocumentText } from '@/lib/pdf/document-text';
import { pdfDocumentKey } from '@/lib/pdf/document-key';
import type { PdfDocumentSource, PdfMetadataSource } from '@/lib/pdf/pdf-source';
import { pdfOutline } from '@/lib/pdf/read-pdf';
import { PdfOpenError, type AskPassword, type PageRendering, type PageSize, type PdfView } from '@/components/pdf/pdf-view';
import { pdfjs, pdfWorker } from './pdfjs';
import { pdfjsAssetOptions } from './pdfjs-assets';
import { readPageLinks } from './pdf-page-links';
import { saveFile } from '../files/save-file';

/** An address inside the extension's package (the folders are added at build time, so WXT's path type lacks them). */
const packageUrl = (path: string): string => browser.runtime.getURL(path as '/');

/** Pages whose text goes into the document text between two yields to the viewer's thread. */
const PAGES_PER_SLICE = 8;

/**
 * Opens PDF bytes with pdf.js, in its worker, and wraps the document for the viewer's components. A protected
 * document asks for its password through `askPassword` (pdf.js keeps the bytes meanwhile, and tries each
 * password given); the password is handed to pdf.js and kept nowhere else.
 */
export async function openPdf(data: Uint8Array, askPassword?: AskPassword): Promise<PdfView> {
  // No eval (extension pages forbid it anyway) and no XFA forms; what the document does not carry (character
  // maps, standard fonts, picture decoders) comes from the extension's own package.
  const task = pdfjs.getDocument({ data, worker: pdfWorker(), isEvalSupported: false, enableXfa: false, ...pdfjsAssetOptions(packageUrl) });
  let declined = false;
  if (askPassword) {
    task.onPassword = (tryPassword: (password: string) => void, reason: number) => {
      void askPassword(reason === pdfjs.PasswordResponses.INCORRECT_PASSWORD).then((password) => {
        if (password !== null) return tryPassword(password);
        declined = true;
        void task.destroy();
      });
    };
  }
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
    checkPageCount(document.numPages);
  } catch (error) {
    void task.destroy();
    const problem = declined ? new PdfProblem('encrypted', PDF_MESSAGES.encrypted) : pdfProblemFrom(error);
    throw new PdfOpenError(viewerProblemFrom(problem), error instanceof Error ? error.message : String(error));
  }
  const pages = new Map<number, Promise<PDFPageProxy>>();
  const texts = new Map<number, Promise<TextContent>>();
  const page = (index: number): Promise<PDFPageProxy> => {
    let found = pages.get(index);
    if (!found) pages.set(index, (found = document.getPage(index + 1)));
    return found;
  };
  // The text layer and find use the same text content, so their offsets agree.
  const textContent = (index: number): Promise<TextContent> => {
    let found = texts.get(index);
    if (!found) {
      found = page(index).then((proxy) => proxy.getTextContent({ includeMarkedContent: true, disableNormalization: true }));
      texts.set(index, found);
    }
    return found;
  };
  const sizeOf = (proxy: PDFPageProxy): PageSize => {
    const viewport = proxy.getViewport({ scale: 1 });
    return { width: viewport.width, height: viewport.height };
  };
  const firstPageSize = sizeOf(await page(0));
  performance.mark('gloss-pdf-opened');
  const metadata = await document.getMetadata().catch(() => null);
  let outline: Promise<PdfOutlineItem[]> | null = null;
  const info = metadata?.info as { Title?: unknown } | undefined;
  const metadataTitle = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : null;

  // Pages waiting to be drawn; the one nearest the page being read goes next.
  const waiting: { index: number; go: () => void }[] = [];
  let busy = false;
  let focus = 0;
  const drawNext = () => {
    if (busy || waiting.length === 0) return;
    let best = 0;
    waiting.forEach((entry, at) => {
      if (Math.abs(entry.index - focus) < Math.abs(waiting[best].index - focus)) best = at;
    });
    const [entry] = waiting.splice(best, 1);
    busy = true;
    entry.go();
  };
  /** A place in the queue: `turn` settles when the page may draw, or at once when it leaves the queue. */
  const turnFor = (index: number): { turn: Promise<void>; granted: () => boolean; finished: () => void; leave: () => void } => {
    let open = (): void => undefined;
    const turn = new Promise<void>((resolve) => {
      open = resolve;
    });
    let given = false;
    const entry = {
      index,
      go: () => {
        given = true;
        open();
      },
    };
    waiting.push(entry);
    queueMicrotask(drawNext);
    return {
      turn,
      granted: () => given,
      finished: () => {
        busy = false;
        drawNext();
      },
      leave: () => {
        const at = waiting.indexOf(entry);
        if (at !== -1) waiting.splice(at, 1);
        open();
      },
    };
  };
  let wholeText: Promise<PdfDocumentText> | null = null;
  const documentText = (): Promise<PdfDocumentText> => {
    wholeText ??= (async () => {
      const builder = new DocumentTextBuilder();
      for (let index = 0; index < document.numPages; index++) {
        builder.addPage((await textContent(index)).items);
        // A few pages at a time, then let the viewer breathe: a 300-page report is a second of work.
        if (index % PAGES_PER_SLICE === PAGES_PER_SLICE - 1) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return builder.build();
    })();
    return wholeText;
  };
  // lib/pdf reads pdf.js's document through a structural type of its own.
  const source = document as unknown as PdfDocumentSource;

  return {
    pageCount: document.numPages,
    metadataTitle,
    firstPageSize,
    pageSize: async (index) => sizeOf(await page(index)),
    pageText: async (index) => pageTextOfItems((await textContent(index)).items),
    documentKey: pdfDocumentKey(document.fingerprints),
    documentText,
    // Asked by the sidebar and by the report to the background: worked out once.
    outline: () => (outline ??= documentText().then(async (text) => (await pdfOutline(source, text)).outline)),
    pageItems: async (index) => (await textContent(index)).items as PageTextItem[],
    pageLinks: async (index) => readPageLinks(document, await page(index), await textContent(index)),
    saveCopy: async (fileName) => saveFile({ fileName, mimeType: 'application/pdf', data: await document.getData() }),
    facts: async () => ({
      fingerprints: document.fingerprints.filter((value): value is string => typeof value === 'string'),
      metadata: metadata as PdfMetadataSource | null,
    }),
    renderPage: (index, scale, canvas, textLayer) => {
      // One page at a time, the one nearest the page being read first: pages drawn side by side share the
      // worker and the thread, and all arrive later than the one in view would alone.
      const { turn, granted, finished, leave } = turnFor(index);
      const rendering = renderPage(turn, page(index), textContent(index), scale, canvas, textLayer);
      // The queue moves on when the page that had the turn is done, drawn or not.
      const settle = () => {
        if (granted()) finished();
      };
      void rendering.done.then(settle, settle);
      return {
        done: rendering.done,
        cancel: () => {
          rendering.cancel();
          // Cancelled before its turn (scrolled past): out of the queue, without ever drawing.
          if (!granted()) leave();
        },
      };
    },
    focusPage: (index) => {
      focus = index;
    },
    close: () => void document.destroy(),
  };
}

function renderPage(
  turn: Promise<unknown>,
  pagePromise: Promise<PDFPageProxy>,
  textPromise: Promise<TextContent>,
  scale: number,
  canvas: HTMLCanvasElement,
  textLayer: HTMLElement,
): PageRendering {
  let cancelled = false;
  let cancelDrawing = (): void => undefined;
  let cancelText = (): void => undefined;
  const done = (async () => {
    await turn;
    if (cancelled) throw new Error('cancelled');
    const proxy = await pagePromise;
    if (cancelled) throw new Error('cancelled');
    const viewport = proxy.getViewport({ scale });
    // Sharp on high-density screens: draw at device pixels, show at CSS pixels.
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    const drawing = proxy.render({
      canvasContext: context,
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    });
    cancelDrawing = () => drawing.cancel();
    const layer = new pdfjs.TextLayer({ textContentSource: await textPromise, container: textLayer, viewport });
    cancelText = () => layer.cancel();
    if (cancelled) throw new Error('cancelled');
    await Promise.all([drawing.promise, layer.render()]);
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      cancelDrawing();
      cancelText();
    },
  };
}
