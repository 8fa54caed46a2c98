/**
 * A highlight's note as its Markdown draws it. The Markdown reader is loaded the first time a view shows a
 * note, not with the popup: most pages a popup opens on have none, and its first paint stays as quick.
 * Until it has loaded, the note shows as typed.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import { NoteMarks } from './note-marks';

type Renderer = typeof import('./note-markdown');

let loaded: Renderer | null = null;
let loading: Promise<Renderer> | null = null;

function loadRenderer(): Promise<Renderer> {
  loading ??= import('./note-markdown').then((module) => (loaded = module));
  return loading;
}

export function NoteText({ text }: { text: string }) {
  const [renderer, setRenderer] = useState<Renderer | null>(loaded);
  const mark = useContext(NoteMarks);
  useEffect(() => {
    if (renderer) return;
    let current = true;
    loadRenderer().then(
      (module) => current && setRenderer(module),
      // Without the reader (an extension update replaced its file under an open view), the text as typed stays.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [renderer]);
  if (!renderer) return <p class="note">{mark ? mark(text) : text}</p>;
  return <renderer.NoteMarkdown text={text} />;
}
