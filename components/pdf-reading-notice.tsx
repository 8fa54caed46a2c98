import { useLayoutEffect, useState } from 'preact/hooks';
import type { PdfReadingProgress } from '@/lib/pdf-viewer/pdf-tab-analysis';
import { countOf } from './count-words';
import type { PopupServices } from './popup-services';

interface PdfReadingNoticeProps {
  tabId: number;
  /** As the background last knew it; null before the viewer has a document open. */
  progress: PdfReadingProgress | null;
  services: PopupServices;
  /** The viewer has read the whole text: read the tab again. */
  onReady: () => void;
}

/**
 * While Gloss's PDF viewer reads the document's text, the popup says how far it got, and reads the tab
 * again the moment it is done: never a blank panel, and never "cannot be read".
 */
export function PdfReadingNotice({ tabId, progress, services, onReady }: PdfReadingNoticeProps) {
  const [shown, setShown] = useState(progress);
  // A layout effect: a popup in a hidden tab gets no animation frames, and plain effects wait for one.
  useLayoutEffect(
    () =>
      services.watchPdfReading?.(tabId, (next) => {
        if (next.ready) onReady();
        else setShown({ pagesRead: next.pagesRead, pageCount: next.pageCount });
      }),
    [services, tabId, onReady],
  );
  return (
    <section class="notice notice-info pdf-reading" role="status" aria-live="polite" aria-busy="true">
      <h1>Reading the PDF</h1>
      {shown ? (
        <>
          <p>
            {shown.pagesRead === 0
              ? `Gloss’s viewer is starting to read the document’s text (${countOf(shown.pageCount, 'page', 'pages')}).`
              : `Gloss’s viewer is reading the document’s text: page ${shown.pagesRead} of ${shown.pageCount}.`}{' '}
            The outline, entities and highlights appear here when it is done.
          </p>
          <progress max={shown.pageCount} value={shown.pagesRead} aria-label="Text read" />
        </>
      ) : (
        <p>
          <span class="spinner" aria-hidden="true" /> Waiting for Gloss’s PDF viewer in this tab. Once a PDF is open there, its outline,
          entities and highlights appear here.
        </p>
      )}
    </section>
  );
}
