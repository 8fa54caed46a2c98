import { useState } from 'preact/hooks';
import { relationWords } from '@/lib/entities/alias-candidates';
import type { AmbiguousName, PickScope } from '@/lib/entities/alias-picks';
import { formKey } from '@/lib/entities/dictionary';

interface AliasPickerProps {
  /** Unique within the page: the radio group's name and the ids of its labels. */
  id: string;
  ambiguous: AmbiguousName;
  /** The actor the page's mentions of the name resolve to now. */
  taken: string;
  /** Keeps or clears a pick; the answer's message is shown by the entity list, or here if it failed. */
  onPick: (actor: string | null, scope: PickScope) => Promise<{ ok: boolean; message: string }>;
}

const REACH = { page: 'on this page', everywhere: 'on every page' } as const;

function stateText({ pick, everywhere }: AmbiguousName, taken: string): string {
  if (pick?.scope === 'page') return `Your pick on this page: ${pick.actor}${everywhere ? ` (on every page: ${everywhere})` : ''}.`;
  if (pick) return `Your pick on every page: ${pick.actor}.`;
  return `Gloss took ${taken}: the text names it elsewhere, or the lists put it first.`;
}

/**
 * A name that may mean several actors: every candidate as a radio button, with where each goes by the
 * name, and buttons to use the chosen one on this page or on every page, or to clear a pick. Arrow keys
 * move between the candidates (a native radio group); nothing changes until a button is pressed.
 */
export function AliasPicker({ id, ambiguous, taken, onPick }: AliasPickerProps) {
  const [chosen, setChosen] = useState(ambiguous.candidates.find((c) => formKey(c.canonical) === formKey(taken))?.canonical ?? taken);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const legendId = `${id}-legend`;
  const { pick, everywhere } = ambiguous;
  const same = (a: string | null | undefined, b: string) => a != null && formKey(a) === formKey(b);

  const run = async (actor: string | null, scope: PickScope) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await onPick(actor, scope);
      if (!result.ok) setProblem(result.message);
    } catch {
      setProblem('Gloss couldn’t keep the pick. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="alias-picker">
      <p id={legendId} class="alias-question">{`Which actor does “${ambiguous.name}” mean?`}</p>
      <div role="radiogroup" aria-labelledby={legendId} class="alias-candidates">
        {ambiguous.candidates.map((candidate, i) => {
          const inputId = `${id}-c${i}`;
          const whereId = `${inputId}-where`;
          return (
            <div key={candidate.canonical} class="alias-candidate">
              <input
                type="radio"
                id={inputId}
                name={id}
                value={candidate.canonical}
                checked={same(chosen, candidate.canonical)}
                aria-describedby={whereId}
                onChange={() => setChosen(candidate.canonical)}
              />
              <label for={inputId}>{candidate.canonical}</label>
              <span id={whereId} class="alias-where">
                {`${relationWords(candidate.relation)}${candidate.lists.length > 0 ? ` · ${candidate.lists.join(', ')}` : ''}`}
              </span>
            </div>
          );
        })}
      </div>
      <p class="alias-state" id={`${id}-state`}>
        {stateText(ambiguous, taken)}
      </p>
      <div class="actions">
        <button
          type="button"
          disabled={busy || (pick?.scope === 'page' && same(pick.actor, chosen))}
          onClick={() => void run(chosen, 'page')}
        >
          {`Use ${chosen} ${REACH.page}`}
        </button>
        <button type="button" disabled={busy || same(everywhere, chosen)} onClick={() => void run(chosen, 'everywhere')}>
          {`Use ${chosen} ${REACH.everywhere}`}
        </button>
        {pick?.scope === 'page' && (
          <button type="button" disabled={busy} onClick={() => void run(null, 'page')}>
            Clear the pick on this page
          </button>
        )}
        {everywhere && (
          <button type="button" disabled={busy} onClick={() => void run(null, 'everywhere')}>
            Clear the pick on every page
          </button>
        )}
      </div>
      {problem && (
        <p class="form-message" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
