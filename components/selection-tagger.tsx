import { useState } from 'preact/hooks';
import { ActorForm } from './actor-form';
import type { EntityServices } from './entities-region';

/** Tags whatever the user selected in the page as a threat actor: a new one, or a name of a known one. */
export function SelectionTagger({ services, onChanged }: { services: EntityServices; onChanged: (message: string) => void }) {
  const [name, setName] = useState<string | null>(null);
  const [mode, setMode] = useState<'new' | 'link'>('new');
  const [message, setMessage] = useState<string | null>(null);

  const start = async () => {
    const text = await services.selection();
    if (!text) return setMessage('Select the name in the page first, then choose this again.');
    setMessage(null);
    setName(text);
  };

  if (name === null) {
    return (
      <>
        <button type="button" onClick={() => void start()}>Tag selected text…</button>
        {message && <p class="scroll-note" role="status">{message}</p>}
      </>
    );
  }
  return (
    <div class="selection-tagger">
      <div class="segmented" role="group" aria-label="Tag as">
        <button type="button" aria-pressed={mode === 'new'} onClick={() => setMode('new')}>New actor</button>
        <button type="button" aria-pressed={mode === 'link'} onClick={() => setMode('link')}>Known actor</button>
      </div>
      <ActorForm
        key={mode}
        name={name}
        mode={mode}
        suggest={services.suggest}
        onCancel={() => setName(null)}
        onSubmit={async (actor) => {
          const result = await services.addActor(actor);
          if (result.ok) {
            setName(null);
            onChanged(actor.linkTo ? `Linked “${actor.name}” to ${actor.linkTo}.` : `Created the actor “${actor.name}”.`);
          }
          return result;
        }}
      />
    </div>
  );
}
