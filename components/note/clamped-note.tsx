/**
 * A note in a list of many (the library): drawn from its Markdown, but only its first lines until the
 * person asks for the whole note, so one long note does not push every other result out of view.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { NoteText } from './note-text';

/** How much of a note shows while clamped: about six lines. */
const CLAMP_EM = 9;

/** `startWhole`: shown whole at first (a note the library's search found words in, all of them in view). */
export function ClampedNote({ text, startWhole = false }: { text: string; startWhole?: boolean }) {
  const [whole, setWhole] = useState(startWhole);
  const [overflows, setOverflows] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const id = useId();

  // Whether the note is longer than the clamp, shown or not: its height changes when the Markdown reader
  // arrives and when the width does.
  useEffect(() => {
    const outer = frame.current;
    const inner = content.current;
    if (!outer || !inner || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflows(inner.offsetHeight > CLAMP_EM * parseFloat(getComputedStyle(outer).fontSize) + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(inner);
    measure();
    return () => observer.disconnect();
  }, []);

  const clamped = !whole && overflows;
  return (
    <>
      <div
        ref={frame}
        id={id}
        class={whole ? 'note-frame' : 'note-frame note-clamped'}
        style={whole ? undefined : { maxHeight: `${CLAMP_EM}em` }}
        data-overflows={clamped ? '' : undefined}
      >
        <div ref={content}>
          <NoteText text={text} />
        </div>
      </div>
      {overflows && (
        <button type="button" class="link-button note-more" aria-expanded={whole} aria-controls={id} onClick={() => setWhole(!whole)}>
          {whole ? 'Show less of the note' : 'Show the whole note'}
        </button>
      )}
    </>
  );
}
