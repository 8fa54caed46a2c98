import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ViewerFile } from '@/lib/pdf-viewer/viewer-address';
import { viewerProblem, type ViewerProblem } from '@/lib/pdf-viewer/viewer-problems';
import { Notice } from '../notice';
import { OpenFileButton } from './pdf-toolbar';
import { PdfReader, type FindPainter } from './pdf-reader';
import type { StartPdfHighlighter } from './use-pdf-highlighter';
import { PdfOpenError, type AskPassword, type PdfView } from './pdf-view';
import { PdfPasswordForm } from './pdf-password-form';
import type { PdfTabServices } from './pdf-tab-services';

export interface OpenProgress {
  /** What is happening, in words: "Downloading the PDF…". */
  label: string;
  /** 0..1 when known. */
  fraction: number | null;
}

export interface PdfViewerServices {
  /** The document the viewer's address names. */
  initialFile: ViewerFile;
  openUrl: (url: string, onProgress: (progress: OpenProgress) => void, askPassword: AskPassword) => Promise<PdfView>;
  openFile: (file: File, onProgress: (progress: OpenProgress) => void, askPassword: AskPassword) => Promise<PdfView>;
  /** A short name for a document from its address or file name. */
  nameOf: (source: string) => string;
  /** A local file replaced the address's document: the address no longer names what is shown. */
  forgetAddress: () => void;
  marks: FindPainter;
  /** Starts highlights on an open document. */
  highlighter?: StartPdfHighlighter;
  /** The popup's and side panel's link to this tab; absent in tests of the viewer alone. */
  tab?: PdfTabServices;
}

type Opening = (onProgress: (progress: OpenProgress) => void, askPassword: AskPassword) => Promise<PdfView>;

type Phase =
  | { phase: 'choose' }
  | { phase: 'loading'; progress: OpenProgress }
  /** `attempt`: how many passwords were given before (a new form each time, empty). */
  | { phase: 'password'; attempt: number; answer: (password: string | null) => void }
  /** `reopen`: a protected document whose password the reader declined, to ask again. */
  | { phase: 'problem'; problem: ViewerProblem; reopen?: () => void; address?: string | null }
  | { phase: 'ready'; view: PdfView; title: string; id: number; address: string | null; fileName: string };

let opened = 0;

/** The viewer page: opens the document (from the address, a chosen file or a dropped one), or says why it can't. */
export function PdfViewerApp({ services }: { services: PdfViewerServices }) {
  const [state, setState] = useState<Phase>(() =>
    services.initialFile.kind === 'refused' ? { phase: 'problem', problem: viewerProblem('refused-address') } : { phase: 'choose' },
  );
  const [dragging, setDragging] = useState(false);

  // Only the newest opening may show its document: an older one still loading, or still asking for its
  // password, is given up (its prompt declined, its document closed) when the reader opens another.
  const latest = useRef(0);
  const pendingPrompt = useRef<((password: string | null) => void) | null>(null);
  const open = useCallback(async (opening: Opening, name: string, address: string | null): Promise<void> => {
    const ticket = ++latest.current;
    const current = () => ticket === latest.current;
    const abandoned = pendingPrompt.current;
    pendingPrompt.current = null;
    abandoned?.(null);
    const opens = { phase: 'loading', progress: { label: 'Opening the PDF…', fraction: null } } as const;
    setState(opens);
    let attempt = 0;
    const askPassword: AskPassword = (retry) =>
      new Promise((resolve) => {
        if (!current()) return resolve(null);
        const answer = (password: string | null) => {
          if (pendingPrompt.current === answer) pendingPrompt.current = null;
          if (password !== null && current()) setState(opens);
          resolve(password);
        };
        pendingPrompt.current = answer;
        setState({ phase: 'password', attempt: retry ? ++attempt : (attempt = 0), answer });
      });
    try {
      const onProgress = (progress: OpenProgress) => {
        if (current()) setState({ phase: 'loading', progress });
      };
      const view = await opening(onProgress, askPassword);
      if (!current()) return view.close();
      setState({ phase: 'ready', view, title: view.metadataTitle ?? name, id: ++opened, address, fileName: name });
    } catch (error) {
      if (!current()) return;
      if (!(error instanceof PdfOpenError)) console.warn('Gloss could not open the PDF:', error);
      const problem = error instanceof PdfOpenError ? error.problem : viewerProblem('unreadable');
      const reopen = problem.kind === 'encrypted' ? () => void open(opening, name, address) : undefined;
      setState({ phase: 'problem', problem, reopen, address });
    }
  }, []);
  const openFile = useCallback(
    (file: File) => {
      services.forgetAddress();
      void open((onProgress, askPassword) => services.openFile(file, onProgress, askPassword), file.name, null);
    },
    [services, open],
  );

  // The document the address names, once (the services are made once, with the page).
  useEffect(() => {
    const { initialFile } = services;
    if (initialFile.kind === 'url')
      void open(
        (onProgress, askPassword) => services.openUrl(initialFile.url, onProgress, askPassword),
        services.nameOf(initialFile.url),
        initialFile.url,
      );
  }, [services, open]);
  useEffect(() => {
    document.title = state.phase === 'ready' ? `${state.title} – Gloss` : 'Gloss PDF viewer';
  }, [state]);
  // A document is closed (its worker's memory freed) once it is no longer on screen, whatever replaced it.
  const shown = state.phase === 'ready' ? state.view : null;
  useEffect(() => (shown ? () => shown.close() : undefined), [shown]);

  // Drop a PDF anywhere on the viewer to open it.
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      if (!event.isTrusted) return;
      const file = event.dataTransfer?.files[0];
      if (file) openFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [openFile]);

  return (
    <div class={`pdf-app${dragging ? ' dragging' : ''}`}>
      {state.phase === 'ready' && (
        <PdfReader
          key={state.id}
          view={state.view}
          title={state.title}
          marks={services.marks}
          onOpenFile={openFile}
          address={state.address}
          fileName={state.fileName}
          tab={services.tab}
          highlighter={services.highlighter}
        />
      )}
      {state.phase === 'loading' && (
        <main class="pdf-center" aria-busy="true">
          <div class="pdf-opening" role="status" aria-live="polite">
            <p>{state.progress.label}</p>
            <progress aria-label="Opening the PDF" max={1} value={state.progress.fraction ?? undefined} />
          </div>
        </main>
      )}
      {state.phase === 'password' && (
        <main class="pdf-center">
          <PdfPasswordForm key={state.attempt} retry={state.attempt > 0} onAnswer={state.answer} />
        </main>
      )}
      {state.phase === 'problem' && (
        <main class="pdf-center">
          <Notice
            title={state.problem.title}
            level={1}
            tone="problem"
            action={state.reopen && { label: 'Enter the password', onClick: state.reopen }}
          >
            {state.problem.body}
          </Notice>
          {state.address && (
            // The address the reader came from (http or https: lib/pdf-viewer/viewer-address.ts), in this tab.
            <a class="pdf-tool" href={state.address}>
              Open in the browser’s viewer
            </a>
          )}
          <OpenFileButton onOpenFile={openFile} />
        </main>
      )}
      {state.phase === 'choose' && (
        <main class="pdf-center pdf-choose">
          <h1>Gloss PDF viewer</h1>
          <p>Choose a PDF on your computer, or drop one here. It is read on your machine; nothing is uploaded.</p>
          <OpenFileButton onOpenFile={openFile} />
        </main>
      )}
      {dragging && (
        <div class="pdf-drop-hint" aria-hidden="true">
          Drop the PDF to open it
        </div>
      )}
    </div>
  );
}
