import { useState } from 'preact/hooks';
import type { TaggableKind } from '@/lib/entities/taggable-kinds';
import { KIND_NOUNS } from '@/lib/popup/entity-labels';
import { ActorForm } from './actor-form';
import type { EntityServices } from './popup-services';

type TagKind = 'threat-actor' | TaggableKind;

/** The kinds on offer, in the popup's group order; a threat actor is the default (a new or a known one). */
const TAG_KINDS: readonly { kind: TagKind; label: string }[] = [
  { kind: 'threat-actor', label: 'Threat actor' },
  { kind: 'malware', label: 'Malware' },
  { kind: 'tool', label: 'Tool' },
  { kind: 'vulnerability', label: 'Vulnerability (CVE)' },
  { kind: 'technique', label: 'Technique' },
  { kind: 'indicator', label: 'Indicator (its type is read from the text)' },
  { kind: 'organization', label: 'Organization' },
  { kind: 'place', label: 'Place' },
];

let taggerCount = 0;

/** Tags text for any kind but threat actors: the text (editable) and one button. */
function KindForm({
  kind,
  text,
  services,
  onDone,
  onCancel,
}: {
  kind: TaggableKind;
  text: string;
  services: EntityServices;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [id] = useState(() => `kind-form-${++taggerCount}`);
  const [value, setValue] = useState(text);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await services.tagSelection(kind, value);
    setBusy(false);
    if (result.ok) onDone(result.message);
    else setProblem(result.message);
  };
  return (
    <form class="actor-form" aria-label={`Tag as ${KIND_NOUNS[kind]}`} onSubmit={(event) => void submit(event)}>
      <label for={`${id}-text`}>Selected text</label>
      <input id={`${id}-text`} value={value} onInput={(e) => setValue(e.currentTarget.value)} maxLength={200} required />
      {problem && (
        <p class="form-message" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          Tag
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Tags whatever the user selected in the page as an entity of any kind: a threat actor (a new one, or
 * a name of a known one), malware, a tool, a CVE, a technique, an indicator, an organisation or a place.
 */
export function SelectionTagger({ services, onChanged }: { services: EntityServices; onChanged: (message: string) => void }) {
  const [id] = useState(() => `selection-tagger-${++taggerCount}`);
  const [name, setName] = useState<string | null>(null);
  const [kind, setKind] = useState<TagKind>('threat-actor');
  const [mode, setMode] = useState<'new' | 'link'>('new');
  const [message, setMessage] = useState<string | null>(null);

  const start = async () => {
    const text = await services.selection();
    if (!text) return setMessage('Select the text in the page first (a name, a CVE id, an indicator…), then choose this again.');
    setMessage(null);
    setName(text);
  };
  const done = (note: string) => {
    setName(null);
    onChanged(note);
  };

  if (name === null) {
    return (
      <>
        <button type="button" onClick={() => void start()}>
          Tag selected text…
        </button>
        {message && (
          <p class="scroll-note" role="status">
            {message}
          </p>
        )}
      </>
    );
  }
  return (
    <div class="selection-tagger">
      <label for={`${id}-kind`}>Tag as</label>{' '}
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as TagKind)}>
        {TAG_KINDS.map((option) => (
          <option key={option.kind} value={option.kind}>
            {option.label}
          </option>
        ))}
      </select>
      {kind === 'threat-actor' ? (
        <>
          <div class="segmented" role="group" aria-label="Which actor">
            <button type="button" aria-pressed={mode === 'new'} onClick={() => setMode('new')}>
              New actor
            </button>
            <button type="button" aria-pressed={mode === 'link'} onClick={() => setMode('link')}>
              Known actor
            </button>
          </div>
          <ActorForm
            key={mode}
            name={name}
            mode={mode}
            suggest={services.suggest}
            onCancel={() => setName(null)}
            onSubmit={async (actor) => {
              const result = await services.addActor(actor);
              if (result.ok) done(actor.linkTo ? `Linked “${actor.name}” to ${actor.linkTo}.` : `Created the actor “${actor.name}”.`);
              return result;
            }}
          />
        </>
      ) : (
        <KindForm key={kind} kind={kind} text={name} services={services} onDone={done} onCancel={() => setName(null)} />
      )}
    </div>
  );
}
