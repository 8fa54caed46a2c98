import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { StoredCounts } from '@/lib/storage/storage-summary';
import { describeCounts } from './describe-counts';

/** What an erase takes away, said before it happens. */
function eraseSummary(counts: StoredCounts | null): string {
  const what = counts ? describeCounts(counts) : 'everything Gloss keeps';
  if (what === 'nothing') return 'Gloss keeps no pages or highlights now; this puts the settings back as they were.';
  return (
    `This deletes ${what} from this browser, and puts the settings back as they were. It cannot be undone. ` +
    'If you may want any of it back, close this and choose Export everything first.'
  );
}

/** What the person types to confirm: a word, not a click, so no stray click or key erases anything. */
export const ERASE_WORD = 'ERASE';

interface EraseDialogProps {
  /** What there is now, said in the dialog so the person knows what goes. */
  counts: StoredCounts | null;
  /** Erases; rejects with words for people. */
  onErase: () => Promise<void>;
  onClose: () => void;
}

/**
 * The confirmation step of "Erase everything": a modal dialog (the rest of the page is inert, Escape or
 * Cancel closes it, focus starts in the word field and goes back to the button that opened it), whose
 * Erase button works only once the person has typed ERASE.
 */
export function EraseDialog({ counts, onErase, onClose }: EraseDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [word, setWord] = useState('');
  const [erasing, setErasing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmed = word.trim().toUpperCase() === ERASE_WORD;

  // Shown as it is drawn, not a frame later: a background tab may not draw for a while. A close event
  // that arrives after this dialog is gone (the browser sends it a task later) is about no dialog shown.
  const live = useRef(true);
  useLayoutEffect(() => {
    const element = dialog.current!;
    live.current = true;
    element.showModal();
    return () => {
      live.current = false;
      if (element.open) element.close();
    };
  }, []);

  const erase = async (event: Event) => {
    event.preventDefault();
    if (!confirmed || erasing) return;
    setErasing(true);
    setProblem(null);
    try {
      await onErase();
    } catch (error) {
      setProblem(`Nothing was erased: ${error instanceof Error ? error.message : String(error)}`);
      setErasing(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="erase-dialog"
      aria-labelledby="erase-title"
      aria-describedby="erase-text"
      // Escape: the browser cancels the dialog; not while the erase is under way.
      onCancel={(event) => {
        if (erasing) event.preventDefault();
      }}
      onClose={() => {
        if (live.current) onClose();
      }}
    >
      <form method="dialog" onSubmit={(event) => void erase(event)}>
        <h2 id="erase-title">Erase everything?</h2>
        <p id="erase-text">{eraseSummary(counts)}</p>
        <label class="erase-word">
          Type {ERASE_WORD} to confirm
          <input
            type="text"
            value={word}
            autoComplete="off"
            spellcheck={false}
            autoFocus
            disabled={erasing}
            onInput={(event) => setWord((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
        {erasing && (
          <p class="erasing" role="status">
            <span class="spinner" aria-hidden="true" /> Erasing…
          </p>
        )}
        <div class="dialog-buttons">
          <button type="button" disabled={erasing} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" class="danger" disabled={!confirmed || erasing}>
            Erase everything
          </button>
        </div>
      </form>
    </dialog>
  );
}
