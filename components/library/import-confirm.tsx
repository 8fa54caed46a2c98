import { useEffect, useRef } from 'preact/hooks';

interface ImportConfirmProps {
  /** The group's heading: "Actor changes in backup.json". */
  title: string;
  /** What the backup would change, in a sentence. */
  text: string;
  /** Why it is asked. */
  note: string;
  /** The two buttons' words: apply the changes, or import without them. */
  accept: string;
  decline: string;
  /** True to import with the changes, false to import without them. */
  onChoose: (accept: boolean) => void;
}

/**
 * Asks, during an import, whether changes a backup would make beyond the records it adds apply (actors,
 * which change what Gloss finds on every later page; this browser's settings): a file never makes them
 * alone. Focus moves to the safe choice; Escape picks it too.
 */
export function ImportConfirm({ title, text, note, accept, decline, onChoose }: ImportConfirmProps) {
  const without = useRef<HTMLButtonElement>(null);
  useEffect(() => without.current?.focus(), []);
  return (
    <section
      class="import-confirm"
      role="group"
      aria-labelledby="import-confirm-title"
      aria-describedby="import-confirm-text"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onChoose(false);
        }
      }}
    >
      <h3 id="import-confirm-title" class="section-title">
        {title}
      </h3>
      <p id="import-confirm-text">{text}</p>
      <p class="muted">{note}</p>
      <div class="action-buttons">
        <button type="button" onClick={() => onChoose(true)}>
          {accept}
        </button>
        <button ref={without} type="button" onClick={() => onChoose(false)}>
          {decline}
        </button>
      </div>
    </section>
  );
}
