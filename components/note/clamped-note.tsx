/**
 * A note in a list of many (the library): drawn from its Markdown, but only its first lines until the
 * person asks for the whole note, so one long note does not push every other result out of view.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { NoteText } from './note-text';

/** `startWhole`: shown whole at first (a note the library's search found words in, all of them in view). */
export function ClampedNote({ text, startWhole = false }: { text: string; startWhole?: boolean }) {
  const [whole, setWhole] = useState(startWhole);
  const [overflows, setOverflows] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const id = useId();

  // Measured only while clamped (the frame's height is then the clamp's): the content's height changes when
  // the Markdown reader arrives and when the width does, the frame's does not.
  useEffect(() => {
    const outer = frame.current;
    const inner = content.current;
    if (whole || !outer || !inner || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflows(inner.offsetHeight > outer.clientHeight + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(inner);
    measure();
    return () => observer.disconnect();
  }, [whole]);

  const clamped = !whole && overflows;
  return (
    <>
      <div ref={frame} id={id} class={whole ? 'note-frame' : 'note-frame note-clamped'} data-overflows={clamped ? '' : undefined}>
        <div ref={content}>
          <NoteText text={text} />
        </div>
      </div>
      {(overflows || whole) && (
        <button type="button" class="link-button note-more" aria-expanded={whole} aria-controls={id} onClick={() => setWhole(!whole)}>
          {whole ? 'Show less of the note' : 'Show the whole note'}
        </button>
      )}
    </>
  );
}
