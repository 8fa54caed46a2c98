import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
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
  onSave: () => void;
  onOpenFile: (file: File) => void;
}

interface ToolButtonProps {
  /** The accessible name, where the button shows a sign rather than words. */
  label?: string;
  title: string;
  /** The keyboard shortcut that does the same (aria-keyshortcuts). */
  keys?: string;
  disabled?: boolean;
  onClick: () => void;
  children: ComponentChildren;
}

/** One of the bar's buttons: its look, its tooltip and the shortcut it announces. */
function ToolButton({ label, title, keys, disabled, onClick, children }: ToolButtonProps) {
  return (
    <button type="button" class="pdf-tool" aria-label={label} title={title} aria-keyshortcuts={keys} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

/** The viewer's bar: outline toggle, title, page navigation, zoom, find, saving a copy and opening another file. */
export function PdfToolbar(props: PdfToolbarProps) {
  const { pageNumber, pageCount } = props;
  // The field shows the current page, except while the reader is typing a number into it: a page change
  // meanwhile (the pages still settling after a scroll) must not wipe what was typed.
  const [typed, setTyped] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== field.current) setTyped(null);
  }, [pageNumber]);
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
        aria-controls={props.outlineOpen ? 'pdf-outline' : undefined}
        onClick={props.onToggleOutline}
        title="Show or hide the outline"
      >
        Outline
      </button>
      <h1 class="pdf-title" title={props.title}>
        {props.title}
      </h1>
      <div class="pdf-group" role="group" aria-label="Pages">
        <ToolButton
          label="Previous page"
          title="Previous page (Page Up)"
          disabled={pageNumber <= 1}
          onClick={() => props.onGoToPage(pageNumber - 1)}
        >
          ‹
        </ToolButton>
        <input
          ref={field}
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
        <ToolButton
          label="Next page"
          title="Next page (Page Down)"
          disabled={pageNumber >= pageCount}
          onClick={() => props.onGoToPage(pageNumber + 1)}
        >
          ›
        </ToolButton>
      </div>
      <div class="pdf-group" role="group" aria-label="Zoom">
        <ToolButton label="Zoom out" title="Zoom out (Ctrl+−)" keys="Control+-" onClick={props.onZoomOut}>
          −
        </ToolButton>
        <output class="pdf-zoom" aria-label="Zoom level" aria-live="polite">
          {zoomPercent(props.scale)}
        </output>
        <ToolButton label="Zoom in" title="Zoom in (Ctrl++)" keys="Control+=" onClick={props.onZoomIn}>
          +
        </ToolButton>
        <ToolButton title="Fit the page to the window’s width (Ctrl+0)" keys="Control+0" onClick={props.onFitWidth}>
          Fit width
        </ToolButton>
      </div>
      <ToolButton title="Find in document (Ctrl+F)" keys="Control+F" onClick={props.onFind}>
        Find
      </ToolButton>
      <ToolButton title="Save a copy of the PDF (Ctrl+S)" keys="Control+S" onClick={props.onSave}>
        Download
      </ToolButton>
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
