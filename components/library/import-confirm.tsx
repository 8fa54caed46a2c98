import { useEffect, useRef } from 'preact/hooks';
import { describeActorChanges } from '@/lib/storage/actor-changes';
import type { ActorChange } from './library-services';

interface ImportConfirmProps {
  fileName: string;
  changes: ActorChange[];
  /** True to import with the actor changes, false to import without them. */
  onChoose: (withActors: boolean) => void;
}

/**
 * Asks, during an import, whether a backup's actor changes apply: they change what Gloss finds on every
 * later page, so a file never makes them alone. Focus moves to the safe choice; Escape picks it too.
 */
export function ImportConfirm({ fileName, changes, onChoose }: ImportConfirmProps) {
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
        Actor changes in {fileName}
      </h3>
      <p id="import-confirm-text">This backup also {describeActorChanges(changes)}</p>
      <p class="muted">Actor names count on every page you read from now on. Highlights import either way.</p>
      <div class="action-buttons">
        <button type="button" onClick={() => onChoose(true)}>
          Import with actor changes
        </button>
        <button ref={without} type="button" onClick={() => onChoose(false)}>
          Import without
        </button>
      </div>
    </section>
  );
}
