import { useEffect, useRef } from 'preact/hooks';
import { pdfLinkLayer } from './pdf-link-layer';
import { endOfContent } from './text-layer-gaps';
import type { PageSize, PdfView } from './pdf-view';

interface PdfPageViewProps {
  view: PdfView;
  index: number;
  scale: number;
  /** The page's size at 100%, known or assumed (page 1's), which sizes the placeholder. */
  size: PageSize;
  /** Near the visible area: draw it. Far away: keep only the sized placeholder, so memory stays bounded. */
  near: boolean;
  onTextLayer: (index: number, layer: HTMLElement | null) => void;
  /** The page is drawn (`ok`), or drawing it failed. */
  onRendered?: (index: number, ok: boolean) => void;
  /** A link to a page of the document was followed. */
  onGoToPage?: (pageNumber: number) => void;
}

/** One page: a placeholder of the page's size, drawn with its text layer while it is near the view. */
export function PdfPageView({ view, index, scale, size, near, onTextLayer, onRendered, onGoToPage }: PdfPageViewProps) {
  const holder = useRef<HTMLDivElement>(null);
  // Told through a ref: a new callback (the parent's consumers changed) is no reason to draw the page again.
  const report = useRef({ onTextLayer, onRendered, onGoToPage });
  report.current = { onTextLayer, onRendered, onGoToPage };
  useEffect(() => {
    const element = holder.current;
    if (!near || !element) return;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    element.append(canvas, layer);
    const rendering = view.renderPage(index, scale, canvas, layer);
    let live = true;
    let links: HTMLElement | null = null;
    rendering.done.then(
      () => {
        if (!live) return;
        element.dataset.rendered = 'true';
        layer.append(endOfContent());
        report.current.onTextLayer(index, layer);
        report.current.onRendered?.(index, true);
        view.pageLinks(index).then(
          (found) => {
            if (!live || found.length === 0) return;
            links = pdfLinkLayer(found, (pageNumber) => report.current.onGoToPage?.(pageNumber));
            element.append(links);
          },
          (error: unknown) => console.warn(`Gloss could not read the links of page ${index + 1}:`, error),
        );
      },
      (error: unknown) => {
        if (!live) return;
        console.warn(`Gloss could not draw page ${index + 1}:`, error);
        report.current.onRendered?.(index, false);
      },
    );
    return () => {
      live = false;
      rendering.cancel();
      report.current.onTextLayer(index, null);
      delete element.dataset.rendered;
      canvas.remove();
      layer.remove();
      links?.remove();
    };
  }, [view, index, scale, near]);
  return (
    <div
      ref={holder}
      class="pdf-page"
      data-page-number={index + 1}
      role="region"
      aria-label={`Page ${index + 1}`}
      style={{
        width: `${Math.floor(size.width * scale)}px`,
        height: `${Math.floor(size.height * scale)}px`,
        '--total-scale-factor': String(scale),
      }}
    />
  );
}
