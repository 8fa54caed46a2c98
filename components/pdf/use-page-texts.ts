import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageSize, PdfView } from './pdf-view';

export interface PageTexts {
  /**
   * Each page's text once read, else null: a new array each time progress is shown (a few times a second) and
   * when all is read, so what is computed from it (find's matches) can be kept until it changes.
   */
  texts: readonly (string | null)[];
  /** Pages read so far; updated with `texts`, for the progress bar. */
  readCount: number;
  done: boolean;
  /** Each page's size at 100%, where it differs from page 1's. */
  sizes: ReadonlyMap<number, PageSize>;
}

/** How often progress reaches the screen; more often only costs renders. */
const PROGRESS_INTERVAL_MS = 120;

/**
 * Reads every page's text, in order, in pdf.js's worker, once `start` is true. The viewer's thread only waits for the worker's
 * answers, so scrolling and drawing go on meanwhile; page sizes are learnt on the way.
 */
export function usePageTexts(view: PdfView, start: boolean, onDone?: (texts: string[]) => void): PageTexts {
  const texts = useRef<(string | null)[]>([]);
  const [readCount, setReadCount] = useState(0);
  const [textsShown, setTextsShown] = useState<readonly (string | null)[]>([]);
  const [done, setDone] = useState(false);
  const [sizes, setSizes] = useState<ReadonlyMap<number, PageSize>>(new Map());
  // Read when the text is done: a new callback is no reason to read every page again.
  const whenDone = useRef(onDone);
  whenDone.current = onDone;
  useEffect(() => {
    if (!start) return undefined;
    let live = true;
    texts.current = new Array<string | null>(view.pageCount).fill(null);
    const odd = new Map<number, PageSize>();
    void (async () => {
      let shown = performance.now();
      for (let index = 0; index < view.pageCount && live; index++) {
        try {
          const [text, size] = await Promise.all([view.pageText(index), view.pageSize(index)]);
          texts.current[index] = text;
          if (size.width !== view.firstPageSize.width || size.height !== view.firstPageSize.height) odd.set(index, size);
        } catch (error) {
          // A page pdf.js cannot read counts as a page without text; the rest still come.
          texts.current[index] = '';
          console.warn(`Gloss could not read page ${index + 1}'s text:`, error);
        }
        if (performance.now() - shown > PROGRESS_INTERVAL_MS) {
          shown = performance.now();
          setReadCount(index + 1);
          setTextsShown(texts.current.slice());
          if (odd.size > 0) setSizes(new Map(odd));
        }
      }
      if (!live) return;
      setReadCount(view.pageCount);
      setTextsShown(texts.current.slice());
      setSizes(new Map(odd));
      setDone(true);
      performance.mark('gloss-pdf-text-extracted');
      whenDone.current?.(texts.current as string[]);
    })();
    return () => {
      live = false;
    };
  }, [view, start]);
  return { texts: textsShown, readCount, done, sizes };
}
