import * as pdfjs from 'pdfjs-dist';
// Vite copies the worker into the extension as a file of its own; no CDN, nothing fetched from the web.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// Parsing, decoding and text extraction run in this worker, off the viewer's thread.
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export { pdfjs };
