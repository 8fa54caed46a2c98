import { useEffect, useState } from 'preact/hooks';
import { zoomPercent } from '@/lib/pdf-viewer/zoom-levels';

interface PdfToolbarProps {
  title: string;
  pageNumber: number;
  pageCount: number;
  scale: number;
  outlineOpen: boolean;
  onToggleOutline: () => void;
  onGoToPage: (pageNumber: number) => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitWidth: () => void;
  onFind: () => void;
  onOpenFile: (file: File) => void;
}

/** The viewer's bar: outline toggle, title, page navigation, zoom, find and opening another file. */
export function PdfToolbar(props: PdfToolbarProps) {
  const { pageNumber, pageCount } = props;
  // The field shows the current page, except while the reader is typing a number into it.
  const [typed, setTyped] = useState<string | null>(null);
  useEffect(() => setTyped(null), [pageNumber]);
  const commit = () => {
    if (typed === null) return;
    const wanted = Number.parseInt(typed, 10);
    setTyped(null);
    if (Number.isInteger(wanted)) props.onGoToPage(Math.min(pageCount, Math.max(1, wanted)));
  };
  return (
    <header class="pdf-toolbar">
      <button
        type="button"
        class="pdf-tool"
        aria-pressed={props.outlineOpen}
        aria-controls="pdf-outline"
        onClick={props.onToggleOutline}
        title="Show or hide the outline"
      >
        Outline
      </button>
      <h1 class="pdf-title" title={props.title}>
        {props.title}
      </h1>
      <div class="pdf-group" role="group" aria-label="Pages">
        <button
          type="button"
          class="pdf-tool"
          aria-label="Previous page"
          title="Previous page (Page Up)"
          disabled={pageNumber <= 1}
          onClick={() => props.onGoToPage(pageNumber - 1)}
        >
          ‹
        </button>
        <input
          class="pdf-page-number"
          type="number"
          inputMode="numeric"
          min={1}
          max={pageCount}
          aria-label="Page number"
          value={typed ?? String(pageNumber)}
          onInput={(event) => setTyped(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') setTyped(null);
          }}
          onBlur={commit}
        />
        <span class="pdf-page-count">of {pageCount}</span>
        <button
          type="button"
          class="pdf-tool"
          aria-label="Next page"
          title="Next page (Page Down)"
          disabled={pageNumber >= pageCount}
          onClick={() => props.onGoToPage(pageNumber + 1)}
        >
          ›
        </button>
      </div>
      <div class="pdf-group" role="group" aria-label="Zoom">
        <button
          type="button"
          class="pdf-tool"
          aria-label="Zoom out"
          title="Zoom out (Ctrl+−)"
          aria-keyshortcuts="Control+-"
          onClick={props.onZoomOut}
        >
          −
        </button>
        <output class="pdf-zoom" aria-label="Zoom level" aria-live="polite">
          {zoomPercent(props.scale)}
        </output>
        <button
          type="button"
          class="pdf-tool"
          aria-label="Zoom in"
          title="Zoom in (Ctrl++)"
          aria-keyshortcuts="Control+="
          onClick={props.onZoomIn}
        >
          +
        </button>
        <button
          type="button"
          class="pdf-tool"
          title="Fit the page to the window’s width (Ctrl+0)"
          aria-keyshortcuts="Control+0"
          onClick={props.onFitWidth}
        >
          Fit width
        </button>
      </div>
      <button type="button" class="pdf-tool" title="Find in document (Ctrl+F)" aria-keyshortcuts="Control+F" onClick={props.onFind}>
        Find
      </button>
      <OpenFileButton onOpenFile={props.onOpenFile} />
    </header>
  );
}

/** A file input dressed as a button; its label is its accessible name. */
export function OpenFileButton({ onOpenFile, label = 'Open a PDF file' }: { onOpenFile: (file: File) => void; label?: string }) {
  return (
    <label class="pdf-tool pdf-open-file">
      <input
        type="file"
        accept="application/pdf,.pdf"
        class="visually-hidden"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onOpenFile(file);
        }}
      />
      {label}
    </label>
  );
}
