import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { findInPages, firstMatchFrom, stepMatch, type PageMatch } from '@/lib/pdf-viewer/find-in-pages';
import { looksScanned, viewerProblem } from '@/lib/pdf-viewer/viewer-problems';
import { fitWidthScale, zoomIn, zoomOut } from '@/lib/pdf-viewer/zoom-levels';
import { Notice } from '../notice';
import { PdfFindBar } from './pdf-find-bar';
import { PdfOutlineSidebar } from './pdf-outline-sidebar';
import { PdfPages } from './pdf-pages';
import { pdfDownloadName } from '@/lib/pdf-viewer/download-name';
import { PdfToolbar } from './pdf-toolbar';
import type { PdfOutlineItem } from '@/lib/pdf/pdf-outline';
import type { PdfView } from './pdf-view';
import { usePageTexts } from './use-page-texts';
import { usePdfHighlighter, type StartPdfHighlighter } from './use-pdf-highlighter';
import type { PdfTabServices } from './pdf-tab-services';
import { usePdfTab } from './use-pdf-tab';
import { useViewerKeys } from './use-viewer-keys';

/** Paints find matches in the text layers; extension/pdf/find-marks.ts. */
export interface FindPainter {
  setLayer: (page: number, layer: HTMLElement | null) => void;
  show: (matches: readonly PageMatch[], current: number | null) => void;
  currentRange: () => Range | null;
}

interface PdfReaderProps {
  view: PdfView;
  title: string;
  marks: FindPainter;
  /** Highlights in the viewer (extension/pdf/pdf-highlighter.ts). */
  highlighter?: StartPdfHighlighter;
  onOpenFile: (file: File) => void;
  /** Where the document came from (null: a local file) and its file name, for the popup of this tab. */
  address?: string | null;
  fileName?: string;
  /** The popup's and side panel's link to this tab (use-pdf-tab.ts); absent in tests of the viewer alone. */
  tab?: PdfTabServices;
}

/** The largest scale fit width starts at: wider pages on a wide screen get unreadably large otherwise. */
const FIRST_SCALE_LIMIT = 1.5;

/** An open document: toolbar, outline, the pages and find. */
export function PdfReader({ view, title, marks, highlighter, onOpenFile, address = null, fileName = title, tab }: PdfReaderProps) {
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  // Unknown until the space for the pages is measured: drawing at a guess would be drawing twice.
  const [scale, setScale] = useState<number | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  // Also kept here, set at once: keys pressed faster than the viewer re-renders must each move on a page
  // (or a zoom step) from where the last one left off, not from what the last render saw.
  const currentPage = useRef(1);
  const currentScale = useRef(1);
  const showPage = useCallback(
    (wanted: number) => {
      currentPage.current = wanted;
      view.focusPage(wanted - 1);
      setPageNumber(wanted);
    },
    [view],
  );
  const [outline, setOutline] = useState<PdfOutlineItem[] | null>(null);
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [find, setFind] = useState<{ open: boolean; query: string; current: number | null; token: number }>({
    open: false,
    query: '',
    current: null,
    token: 0,
  });
  const [scanned, setScanned] = useState(false);
  const reveal = useRef<number | null>(null);
  // The text is read once the first page is on screen: pdf.js has one worker, and reading 300 pages' text
  // ahead of drawing page 1 would keep the reader waiting for it.
  const [firstDrawn, setFirstDrawn] = useState(false);
  const pageTexts = usePageTexts(view, firstDrawn, (texts) => setScanned(looksScanned(texts)));
  const highlightLayer = usePdfHighlighter(highlighter, { view, scroller, source: address, title }, pageTexts.done);

  const fitWidth = useCallback(
    (limit = Infinity) => {
      if (!scroller) return;
      currentScale.current = Math.min(limit, fitWidthScale(scroller.clientWidth, view.firstPageSize.width));
      setScale(currentScale.current);
    },
    [scroller, view],
  );
  useEffect(() => fitWidth(FIRST_SCALE_LIMIT), [fitWidth]);

  // The outline needs the whole text (bookmark titles are mended from it, headings inferred from it): ask
  // once every page is read, or the requests for all pages would crowd out drawing the first.
  useEffect(() => {
    if (!pageTexts.done) return undefined;
    let live = true;
    view.outline().then(
      (entries) => {
        if (!live) return;
        setOutline(entries);
        // Bookmarks are worth showing at once, where there is room beside the page.
        if (entries.length > 0 && window.innerWidth >= 900) setOutlineOpen(true);
      },
      () => live && setOutline([]),
    );
    return () => {
      live = false;
    };
  }, [view, pageTexts.done]);

  const goToPage = useCallback(
    (wanted: number) => {
      const page = scroller?.querySelector<HTMLElement>(`.pdf-page[data-page-number="${wanted}"]`);
      if (!scroller || !page) return;
      scroller.scrollTop = page.offsetTop - 8;
      showPage(wanted);
    },
    [scroller, showPage],
  );

  const onTabLayer = usePdfTab({
    view,
    services: tab,
    address,
    fileName,
    readCount: pageTexts.readCount,
    done: pageTexts.done,
    scroller,
    goToPage,
    pageNumber,
  });

  // The current page is the one under the upper third of the view.
  useEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const line = scroller.scrollTop + scroller.clientHeight / 3;
        const pages = scroller.querySelectorAll<HTMLElement>('.pdf-page');
        let low = 0;
        let high = pages.length - 1;
        while (low < high) {
          const middle = Math.ceil((low + high) / 2);
          if (pages[middle].offsetTop <= line) low = middle;
          else high = middle - 1;
        }
        showPage(low + 1);
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [scroller, showPage]);

  // Zooming keeps the same page in view.
  const zoomTo = (step: (scale: number) => number) => {
    const keep = currentPage.current;
    const next = step(currentScale.current);
    currentScale.current = next;
    setScale(next);
    requestAnimationFrame(() => goToPage(keep));
  };

  const matches = useMemo(() => (find.open ? findInPages(pageTexts.texts, find.query) : []), [find.open, find.query, pageTexts.texts]);
  const current = find.current !== null && find.current < matches.length ? find.current : null;
  useEffect(() => marks.show(matches, current), [marks, matches, current]);

  const revealCurrent = useCallback(() => {
    const range = marks.currentRange();
    if (!range || !scroller) return false;
    const box = range.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    if (box.top < frame.top + 40 || box.bottom > frame.bottom - 40) {
      scroller.scrollTop += box.top - frame.top - scroller.clientHeight / 3;
    }
    return true;
  }, [marks, scroller]);
  const latestMatches = useRef(matches);
  latestMatches.current = matches;
  const shownMatch = useRef<number | null>(null);
  const step = (direction: 1 | -1) => {
    const all = latestMatches.current;
    const from = shownMatch.current !== null && shownMatch.current < all.length ? shownMatch.current : null;
    const next = from === null && direction === 1 ? firstMatchFrom(all, currentPage.current - 1) : stepMatch(all.length, from, direction);
    shownMatch.current = next;
    setFind((state) => ({ ...state, current: next }));
    if (next === null) return;
    reveal.current = next;
    goToPage(all[next].page + 1);
  };
  // The match's page may only now be drawn: scroll to the match itself once its text layer exists.
  const onTextLayer = useCallback(
    (index: number, layer: HTMLElement | null) => {
      marks.setLayer(index, layer);
      highlightLayer(index, layer);
      onTabLayer(index, layer);
      if (layer && reveal.current !== null && revealCurrent()) reveal.current = null;
    },
    [marks, highlightLayer, onTabLayer, revealCurrent],
  );
  useEffect(() => {
    if (reveal.current !== null && revealCurrent()) reveal.current = null;
  }, [current, revealCurrent]);
  const onRendered = useCallback((index: number, ok: boolean) => {
    if (ok && index === 0 && performance.getEntriesByName('gloss-pdf-first-page').length === 0) performance.mark('gloss-pdf-first-page');
    // Whichever page settles first (the reader may have jumped ahead), drawn or not, the text can come.
    setFirstDrawn(true);
  }, []);

  const openFind = () => setFind((state) => ({ ...state, open: true, token: state.token + 1 }));
  const closeFind = () => {
    shownMatch.current = null;
    setFind((state) => ({ ...state, open: false, current: null }));
  };
  const saveCopy = () => {
    view.saveCopy(pdfDownloadName(fileName)).catch((error: unknown) => console.warn('Gloss could not save the PDF:', error));
  };
  useViewerKeys({
    zoomIn: () => zoomTo(zoomIn),
    zoomOut: () => zoomTo(zoomOut),
    fitWidth: () => fitWidth(),
    find: openFind,
    findStep: (direction) => (find.open ? step(direction) : openFind()),
    page: (direction) => goToPage(Math.min(view.pageCount, Math.max(1, currentPage.current + direction))),
    save: saveCopy,
  });

  const stillReading = !pageTexts.done;
  return (
    <div class="pdf-reader">
      <PdfToolbar
        title={title}
        pageNumber={pageNumber}
        pageCount={view.pageCount}
        scale={scale ?? 1}
        outlineOpen={outlineOpen}
        onToggleOutline={() => setOutlineOpen((open) => !open)}
        onGoToPage={goToPage}
        onZoomIn={() => zoomTo(zoomIn)}
        onZoomOut={() => zoomTo(zoomOut)}
        onFitWidth={() => fitWidth()}
        onFind={openFind}
        onSave={saveCopy}
        onOpenFile={onOpenFile}
      />
      {find.open && (
        <PdfFindBar
          query={find.query}
          matchCount={matches.length}
          current={current}
          stillReading={stillReading}
          focusToken={find.token}
          onQuery={(query) => {
            shownMatch.current = null;
            setFind((state) => ({ ...state, query, current: null }));
          }}
          onStep={step}
          onClose={closeFind}
        />
      )}
      {stillReading && (
        <div class="pdf-progress" role="status" aria-live="polite">
          <span>
            Reading the text: page {pageTexts.readCount} of {view.pageCount}
          </span>
          <progress max={view.pageCount} value={pageTexts.readCount} aria-label="Text read" />
        </div>
      )}
      {scanned && (
        <div class="pdf-notice">
          <Notice title={viewerProblem('scanned').title}>{viewerProblem('scanned').body}</Notice>
        </div>
      )}
      <div class="pdf-body">
        {outlineOpen && <PdfOutlineSidebar items={outline} currentPage={pageNumber} onGoToPage={goToPage} />}
        <main class="pdf-scroller" ref={setScroller} tabIndex={0} aria-label="Document">
          {scale !== null && (
            <PdfPages
              view={view}
              scale={scale}
              sizes={pageTexts.sizes}
              scroller={scroller}
              onTextLayer={onTextLayer}
              onRendered={onRendered}
              onGoToPage={goToPage}
            />
          )}
        </main>
      </div>
    </div>
  );
}
