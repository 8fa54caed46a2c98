import { useEffect, useRef } from 'preact/hooks';
import { MATCH_LIMIT } from '@/lib/pdf-viewer/find-in-pages';

interface PdfFindBarProps {
  query: string;
  matchCount: number;
  current: number | null;
  /** Pages whose text is still being read: matches there are not counted yet. */
  stillReading: boolean;
  /** Changes whenever the reader asks for the bar again (Ctrl+F), to focus and select the field. */
  focusToken: number;
  onQuery: (query: string) => void;
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
}

function statusText({ query, matchCount, current, stillReading }: PdfFindBarProps): string {
  if (query.trim() === '') return stillReading ? 'Reading the text…' : '';
  const more = stillReading ? ' so far' : '';
  if (matchCount === 0) return stillReading ? 'No matches yet, still reading…' : 'No matches';
  const count = matchCount >= MATCH_LIMIT ? `${MATCH_LIMIT}+` : String(matchCount);
  return current === null ? `${count} matches${more}` : `${current + 1} of ${count}${more}`;
}

/** Gloss's find bar (Ctrl+F): Enter and Shift+Enter step through the matches, Escape closes. */
export function PdfFindBar(props: PdfFindBarProps) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [props.focusToken]);
  return (
    <div class="pdf-find-bar" role="search" aria-label="Find in document">
      <input
        ref={field}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
        value={props.query}
        onInput={(event) => props.onQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (!event.isTrusted) return;
          if (event.key === 'Enter') {
            event.preventDefault();
            props.onStep(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            props.onClose();
          }
        }}
      />
      <button
        type="button"
        class="pdf-tool"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={props.matchCount === 0}
        onClick={() => props.onStep(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        class="pdf-tool"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={props.matchCount === 0}
        onClick={() => props.onStep(1)}
      >
        ↓
      </button>
      <span class="pdf-find-status" role="status">
        {statusText(props)}
      </span>
      <button type="button" class="pdf-tool" aria-label="Close find bar" title="Close (Escape)" onClick={props.onClose}>
        ×
      </button>
    </div>
  );
}
