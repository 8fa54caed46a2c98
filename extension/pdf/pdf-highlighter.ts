import type { StartPdfHighlighter } from '@/components/pdf/use-pdf-highlighter';
import { GlossDatabase } from '@/lib/storage/database';
import { readSettings } from '@/lib/storage/settings-store';
import { PdfHighlightSession } from './pdf-highlight-session';

/**
 * Starts highlights in the viewer for an open document. A PDF without a fingerprint has no key to file
 * highlights under: the viewer still shows it, without highlights.
 */
export const startPdfHighlighter: StartPdfHighlighter = ({ view, scroller, source, title }) => {
  const documentKey = view.documentKey;
  if (!documentKey) {
    console.warn('Gloss cannot keep highlights on this PDF: it has no fingerprint.');
    return null;
  }
  // The viewer reads settings as the settings page does: an extension page shares the background's database.
  const session = new PdfHighlightSession(view, scroller, { documentKey, address: source, title }, () => readSettings(new GlossDatabase()));
  const stop = new AbortController();
  session.start(stop.signal);
  return {
    setLayer: (index, layer) => void session.highlights.setLayer(index, layer),
    textRead: () =>
      void view.documentText().then(
        (text) => !stop.signal.aborted && session.highlights.setText(text),
        (error: unknown) => console.warn('Gloss could not read the PDF’s text for its highlights:', error),
      ),
    stop: () => stop.abort(),
  };
};
