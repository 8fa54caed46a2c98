import { useEffect, useState } from 'preact/hooks';
import type { ActorSuggestion } from '@/lib/entities/search-actors';
import type { ActorToAdd } from '@/lib/messaging/contract';
import type { Outcome } from '@/lib/messaging/outcome';

export interface ActorFormProps {
  /** The name being tagged: a mention's words or the selected text. */
  name: string;
  /** "link": attach the name to a known actor; "new": create an actor with this name. */
  mode: 'link' | 'new';
  suggest: (query: string) => Promise<ActorSuggestion[]>;
  onSubmit: (actor: ActorToAdd) => Promise<Outcome>;
  onCancel: () => void;
}

let formCount = 0;

/** Creates a new actor with aliases, or links a name to a known actor picked from suggestions. */
export function ActorForm({ name, mode, suggest, onSubmit, onCancel }: ActorFormProps) {
  const [id] = useState(() => `actor-form-${++formCount}`);
  const [actorName, setActorName] = useState(name);
  const [aliases, setAliases] = useState('');
  const [known, setKnown] = useState('');
  const [suggestions, setSuggestions] = useState<ActorSuggestion[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (mode !== 'link' || known.trim().length < 2) return setSuggestions([]);
    let current = true;
    void suggest(known).then((found) => current && setSuggestions(found));
    return () => {
      current = false;
    };
  }, [mode, known, suggest]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = actorName.trim();
    if (!trimmed) return setMessage('Give the actor a name.');
    if (mode === 'link' && !known.trim()) return setMessage('Choose the known actor to link to.');
    setBusy(true);
    const result = await onSubmit({
      name: trimmed,
      aliases: aliases
        .split(/[,\n]/)
        .map((a) => a.trim())
        .filter(Boolean),
      linkTo: mode === 'link' ? known.trim() : null,
    });
    setBusy(false);
    if (!result.ok) setMessage(result.message ?? 'That didn’t work. Try again.');
  };

  return (
    <form
      class="actor-form"
      onSubmit={(event) => void submit(event)}
      aria-label={mode === 'link' ? 'Link to a known actor' : 'New threat actor'}
    >
      <label for={`${id}-name`}>Name in this page</label>
      <input id={`${id}-name`} value={actorName} onInput={(e) => setActorName(e.currentTarget.value)} maxLength={200} required />
      {mode === 'link' ? (
        <>
          <label for={`${id}-known`}>Known actor</label>
          <input
            id={`${id}-known`}
            list={`${id}-suggestions`}
            value={known}
            onInput={(e) => setKnown(e.currentTarget.value)}
            placeholder="Type a name or alias"
            autoComplete="off"
            autoFocus
          />
          <datalist id={`${id}-suggestions`}>
            {suggestions.map((s) => (
              <option key={s.canonical} value={s.canonical}>
                {s.aliases.length ? `also ${s.aliases.join(', ')}` : ''}
              </option>
            ))}
          </datalist>
        </>
      ) : (
        <>
          <label for={`${id}-aliases`}>Other names (comma-separated)</label>
          <input id={`${id}-aliases`} value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} maxLength={2000} />
        </>
      )}
      {message && (
        <p class="form-message" role="alert">
          {message}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {mode === 'link' ? 'Link' : 'Create actor'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
