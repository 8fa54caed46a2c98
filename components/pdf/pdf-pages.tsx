import { memo } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import type { PageSize, PdfView } from './pdf-view';
import { PdfPageView } from './pdf-page-view';
import { selectFromLinks } from './select-from-links';
import { keepSelectionOverGaps } from './text-layer-gaps';

interface PdfPagesProps {
  view: PdfView;
  scale: number;
  sizes: ReadonlyMap<number, PageSize>;
  scroller: HTMLElement | null;
  onTextLayer: (index: number, layer: HTMLElement | null) => void;
  onRendered: (index: number, ok: boolean) => void;
  onGoToPage: (pageNumber: number) => void;
}

/** Pages within this distance of the view are drawn; the rest are empty placeholders of the right size. */
const NEAR_MARGIN = '150% 0px';

/**
 * Every page as a placeholder sized from its viewport, drawn only near the visible area (an
 * IntersectionObserver says which): a 300-page report costs what the few pages on screen cost.
 */
export const PdfPages = memo(function PdfPages({ view, scale, sizes, scroller, onTextLayer, onRendered, onGoToPage }: PdfPagesProps) {
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set([0]));
  useEffect(() => {
    if (!scroller) return;
    const observer = new IntersectionObserver(
      (entries) => {
        setNear((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const index = Number((entry.target as HTMLElement).dataset.pageNumber) - 1;
            if (entry.isIntersecting) next.add(index);
            else next.delete(index);
          }
          return next;
        });
      },
      { root: scroller, rootMargin: NEAR_MARGIN },
    );
    for (const page of scroller.querySelectorAll('.pdf-page')) observer.observe(page);
    return () => observer.disconnect();
  }, [scroller, view]);
  useEffect(() => {
    if (!scroller) return;
    const stop = new AbortController();
    keepSelectionOverGaps(scroller, stop.signal);
    selectFromLinks(scroller, stop.signal);
    return () => stop.abort();
  }, [scroller]);
  const pages = [];
  for (let index = 0; index < view.pageCount; index++) {
    pages.push(
      <PdfPageView
        key={index}
        view={view}
        index={index}
        scale={scale}
        size={sizes.get(index) ?? view.firstPageSize}
        near={near.has(index)}
        onTextLayer={onTextLayer}
        onRendered={onRendered}
        onGoToPage={onGoToPage}
      />,
    );
  }
  return <div class="pdf-pages">{pages}</div>;
});
