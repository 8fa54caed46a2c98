import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { PdfView } from './pdf-view';

/** Highlights in the viewer (extension/pdf/pdf-highlighter.ts): told of each drawn text layer and when the text is read. */
export interface PdfHighlighter {
  setLayer: (index: number, layer: HTMLElement | null) => void;
  /** Every page's text is read: stored highlights can be anchored. */
  textRead: () => void;
  stop: () => void;
}

export interface PdfHighlighterContext {
  view: PdfView;
  /** The scrolling pages, where the highlight UI is placed and selections are made. */
  scroller: HTMLElement;
  /** The http(s) address the document came from, or null for a local file. */
  source: string | null;
  title: string;
}

export type StartPdfHighlighter = (context: PdfHighlighterContext) => PdfHighlighter | null;

/**
 * Starts the viewer's highlights once the pages' scroller exists, and returns what the pages call when a
 * text layer is drawn or removed. Layers drawn before the start are handed over when it comes.
 */
export function usePdfHighlighter(
  start: StartPdfHighlighter | undefined,
  context: Omit<PdfHighlighterContext, 'scroller'> & { scroller: HTMLElement | null },
  textDone: boolean,
): (index: number, layer: HTMLElement | null) => void {
  const highlighter = useRef<PdfHighlighter | null>(null);
  const layers = useRef(new Map<number, HTMLElement>());
  const textRead = useRef(textDone);
  textRead.current = textDone;
  const { view, scroller, source, title } = context;
  useEffect(() => {
    if (!start || !scroller) return undefined;
    const started = start({ view, scroller, source, title });
    highlighter.current = started;
    for (const [index, layer] of layers.current) started?.setLayer(index, layer);
    if (textRead.current) started?.textRead();
    return () => {
      started?.stop();
      highlighter.current = null;
    };
  }, [start, view, scroller, source, title]);
  useEffect(() => {
    if (textDone) highlighter.current?.textRead();
  }, [textDone]);
  return useCallback((index: number, layer: HTMLElement | null) => {
    if (layer) layers.current.set(index, layer);
    else layers.current.delete(index);
    highlighter.current?.setLayer(index, layer);
  }, []);
}
