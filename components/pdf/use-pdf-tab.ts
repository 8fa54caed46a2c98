import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { pdfDocumentKey } from '@/lib/pdf/document-key';
import { pdfMetadata } from '@/lib/pdf/pdf-metadata';
import type { PdfTabServices } from './pdf-tab-services';
import type { PdfView } from './pdf-view';

interface PdfTabOptions {
  view: PdfView;
  services: PdfTabServices | undefined;
  /** The http(s) address the document came from, or null for a local file. */
  address: string | null;
  fileName: string;
  readCount: number;
  done: boolean;
  scroller: HTMLElement | null;
  goToPage: (pageNumber: number) => void;
  /** The page being read (counted from 1). */
  pageNumber: number;
}

/** Brings a range into the scroller's upper third, where the reader's eyes are, unless it is already well in view. */
function reveal(scroller: HTMLElement, range: Range): void {
  const box = range.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  if (box.top < frame.top + 40 || box.bottom > frame.bottom - 40) scroller.scrollTop += box.top - frame.top - scroller.clientHeight / 3;
}

/**
 * The viewer's side of the popup and side panel opened for its tab: reports its reading progress and,
 * once the whole text is read, the analysis (text, outline, metadata, address, document key), and the page
 * being read as it changes; goes where
 * they send it (an outline entry, a highlight, an entity mention) and marks entity mentions in the text
 * layers. Returns the text-layer callback the pages call as each layer is drawn or dropped.
 */
export function usePdfTab({ view, services, address, fileName, readCount, done, scroller, goToPage, pageNumber }: PdfTabOptions) {
  const marks = useMemo(() => services?.entityMarks(view) ?? null, [services, view]);
  const places = useMemo(() => services?.places(view) ?? null, [services, view]);
  // A range to scroll to once its page's text layer is drawn (the page may be drawn only after the jump).
  const pending = useRef<{ page: number; range: () => Range | null } | null>(null);
  const latest = useRef({ scroller, goToPage });
  latest.current = { scroller, goToPage };

  // Read through refs only, so made once.
  const { settle, goToRange } = useMemo(() => {
    const settleNow = () => {
      const wanted = pending.current;
      const range = wanted?.range();
      if (!wanted || !range || !latest.current.scroller) return;
      pending.current = null;
      reveal(latest.current.scroller, range);
    };
    return {
      settle: settleNow,
      goToRange: (page: number, range: () => Range | null) => {
        pending.current = { page, range };
        latest.current.goToPage(page + 1);
        settleNow();
      },
    };
  }, []);

  const link = useMemo(
    () =>
      services?.connect({
        goTo: async ({ pageNumber, start, end }) => {
          if (start !== undefined && places) {
            const shown = await places.show(start, end ?? start + 1);
            if (shown) {
              goToRange(shown.page, shown.range);
              return { found: true };
            }
          }
          if (pageNumber === null || pageNumber < 1 || pageNumber > view.pageCount) return { found: false };
          latest.current.goToPage(pageNumber);
          return { found: true };
        },
        markEntities: async (entityMarks, focus) => {
          const located = (await marks?.mark(entityMarks)) ?? entityMarks.map(() => false);
          if (focus !== null && marks) {
            const page = marks.focus(focus);
            if (page !== null) goToRange(page, () => marks.focusedRange());
          }
          return { located };
        },
        focusEntityMark: async (index) => {
          const page = marks?.focus(index) ?? null;
          if (page === null || !marks) return { found: false };
          goToRange(page, () => marks.focusedRange());
          return { found: true };
        },
        clearEntityMarks: async () => {
          marks?.clear();
          return { ok: true };
        },
        entityMarksShown: async () => ({ shown: marks?.shown() ?? false }),
        selection: async () => ({ text: String(window.getSelection()?.toString() ?? '').slice(0, 500) }),
      }) ?? null,
    [services, view, marks, places, goToRange],
  );
  useEffect(() => () => link?.close(), [link]);

  useEffect(() => {
    if (!done) link?.progress({ pagesRead: readCount, pageCount: view.pageCount });
  }, [link, readCount, done, view]);

  // A side panel opened for this tab marks the section being read; the background passes this on only then.
  useEffect(() => link?.reading(pageNumber), [link, pageNumber]);

  useEffect(() => {
    if (!done || !link) return undefined;
    let live = true;
    void (async () => {
      const [text, outline, facts] = await Promise.all([view.documentText(), view.outline().catch(() => []), view.facts()]);
      if (!live) return;
      const metadata = pdfMetadata({ source: facts.metadata, url: address, firstHeading: outline[0]?.text ?? null });
      link.analysis({
        address,
        fileName,
        documentKey: pdfDocumentKey(facts.fingerprints),
        pageCount: view.pageCount,
        // A local file has no address for pdfMetadata to take a name from: its own name, then.
        metadata: { ...metadata, title: metadata.title === 'Untitled PDF' ? fileName : metadata.title },
        outline,
        text: text.text,
        pageStarts: text.pages.map((page) => page.start),
      });
      performance.mark('gloss-pdf-reported');
    })().catch((error: unknown) => console.warn('Gloss could not report the PDF to its popup:', error));
    return () => {
      live = false;
    };
  }, [link, done, view, address, fileName]);

  return useCallback(
    (index: number, layer: HTMLElement | null) => {
      marks?.setLayer(index, layer);
      places?.setLayer(index, layer);
      if (layer && pending.current?.page === index) settle();
    },
    [marks, places, settle],
  );
}
