import * as pdfjs from 'pdfjs-dist';
// Vite copies the worker into the extension as a file of its own; no CDN, nothing fetched from the web.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// Parsing, decoding and text extraction run in this worker, off the viewer's thread.
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

let worker: pdfjs.PDFWorker | null = null;

/**
 * The viewer's one pdf.js worker, started on first call. Starting it while the PDF downloads saves its
 * start-up (loading and compiling a megabyte of script) from the wait for the first page.
 */
export function pdfWorker(): pdfjs.PDFWorker {
  worker ??= new pdfjs.PDFWorker();
  return worker;
}

export { pdfjs };
