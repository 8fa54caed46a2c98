import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationRecord } from '@/lib/storage/records';

/**
 * "Highlight deleted. Undo" after a highlight is deleted from a list, until it is put back or another
 * one goes; Undo takes focus, since the item that had it is gone. Returns the notice to render and the
 * function to call with each deleted record.
 */
export function useDeletionUndo(restore: (record: AnnotationRecord) => Promise<void>) {
  const [deleted, setDeleted] = useState<AnnotationRecord | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (deleted) undoButton.current?.focus();
  }, [deleted]);

  const undo = async (record: AnnotationRecord) => {
    setDeleted(null);
    try {
      await restore(record);
    } catch (error) {
      setProblem(`Could not undo: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const notice = (
    <>
      {deleted && (
        <p class="undo-bar" role="status">
          Highlight deleted.{' '}
          <button type="button" ref={undoButton} class="link-button" onClick={() => void undo(deleted)}>
            Undo
          </button>
        </p>
      )}
      {problem && (
        <p class="undo-bar problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
  return {
    notice,
    onDeleted: (record: AnnotationRecord) => {
      setProblem(null);
      setDeleted(record);
    },
  };
}
