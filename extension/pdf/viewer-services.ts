import type { PdfViewerServices } from '@/components/pdf/pdf-viewer-app';
import { fileNameOfAddress, viewerFileFromSearch } from '@/lib/pdf-viewer/viewer-address';
import { fetchPdf, readPdfFile } from './fetch-pdf';
import { FindMarks } from './find-marks';
import { openPdf } from './open-pdf';
import { startPdfHighlighter } from './pdf-highlighter';
import { pdfTabServices } from './pdf-tab-link';
import { pdfWorker } from './pdfjs';

/** The viewer page's ties to the browser: fetching, reading files, pdf.js, and the page's own address. */
export function pdfViewerServices(search: string): PdfViewerServices {
  return {
    initialFile: viewerFileFromSearch(search),
    openUrl: async (url, onProgress, askPassword) => {
      pdfWorker();
      onProgress({ label: 'Downloading the PDF…', fraction: null });
      const bytes = await fetchPdf(url, (loaded, total) =>
        onProgress({
          label: `Downloading the PDF… ${(loaded / 1024 / 1024).toFixed(1)} MB`,
          fraction: total ? loaded / total : null,
        }),
      );
      performance.mark('gloss-pdf-fetched');
      onProgress({ label: 'Opening the PDF…', fraction: null });
      return openPdf(bytes, askPassword);
    },
    openFile: async (file, onProgress, askPassword) => {
      pdfWorker();
      onProgress({ label: `Opening ${file.name}…`, fraction: null });
      return openPdf(await readPdfFile(file), askPassword);
    },
    nameOf: fileNameOfAddress,
    // A reload would otherwise fetch the address's document again in place of the file the reader chose.
    forgetAddress: () => history.replaceState(null, '', location.pathname),
    marks: new FindMarks(),
    highlighter: startPdfHighlighter,
    tab: pdfTabServices,
  };
}
