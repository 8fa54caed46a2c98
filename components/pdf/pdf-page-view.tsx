import { useEffect, useRef } from 'preact/hooks';
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
}

/** One page: a placeholder of the page's size, drawn with its text layer while it is near the view. */
export function PdfPageView({ view, index, scale, size, near, onTextLayer, onRendered }: PdfPageViewProps) {
  const holder = useRef<HTMLDivElement>(null);
  // Told through a ref: a new callback (the parent's consumers changed) is no reason to draw the page again.
  const report = useRef({ onTextLayer, onRendered });
  report.current = { onTextLayer, onRendered };
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
    rendering.done.then(
      () => {
        if (!live) return;
        element.dataset.rendered = 'true';
        report.current.onTextLayer(index, layer);
        report.current.onRendered?.(index, true);
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
