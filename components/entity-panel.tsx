import { useEffect, useState } from 'preact/hooks';
import type { PageEntity } from '@/lib/entities/page-entities';
import type { EntityDetailsResult } from '@/lib/messaging/contract';
import { KIND_NOUN_PHRASES, KIND_NOUNS } from '@/lib/popup/entity-labels';
import { ActorForm } from './actor-form';
import { AliasPicker } from './alias-picker';
import { EntityFacts } from './entity-facts';
import type { EntityServices } from './popup-services';

interface EntityPanelProps {
  id: string;
  entity: PageEntity;
  services: EntityServices;
  /** Which mention is shown (0-based) and which mentions were found in the page; null while marking. */
  position: number;
  located: boolean[] | null;
  onStep: (delta: 1 | -1) => void;
  /**
   * Called after a verdict, actor or pick change, to reload the page's entities; after a pick, `follow`
   * names the ambiguous name, whose entity is opened then (a pick moves it to another actor).
   */
  onChanged: (message: string, follow?: string) => void;
}

function MentionStepper({
  position,
  located,
  total,
  onStep,
}: {
  position: number;
  located: boolean[] | null;
  total: number;
  onStep: (d: 1 | -1) => void;
}) {
  const missing = located ? located.filter((found) => !found).length : 0;
  return (
    <div class="stepper">
      <button
        type="button"
        onClick={() => onStep(-1)}
        disabled={total < 2}
        aria-label="Previous mention"
        aria-keyshortcuts="P"
        title="Previous mention (P)"
      >
        ‹
      </button>
      <span role="status">
        {total === 0 ? 'Not mentioned in the article text' : located === null ? 'Marking…' : `Mention ${position + 1} of ${total}`}
        {missing > 0 && ` · ${missing} not found on the page`}
      </span>
      <button
        type="button"
        onClick={() => onStep(1)}
        disabled={total < 2}
        aria-label="Next mention"
        aria-keyshortcuts="N"
        title="Next mention (N)"
      >
        ›
      </button>
    </div>
  );
}

/** N and P step through the mentions while focus is in the panel, except while typing in a field. */
function stepByKey(event: KeyboardEvent, onStep: (delta: 1 | -1) => void): void {
  const target = event.target as HTMLElement;
  if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, textarea, select')) return;
  const key = event.key.toLowerCase();
  if (key !== 'n' && key !== 'p') return;
  event.preventDefault();
  onStep(key === 'n' ? 1 : -1);
}

/** The open entity: step through its mentions, see what is known about it, and tag it. */
export function EntityPanel({ id, entity, services, position, located, onStep, onChanged }: EntityPanelProps) {
  const [details, setDetails] = useState<EntityDetailsResult | null>(null);
  const [form, setForm] = useState<'link' | 'new' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // A pick that keeps the entity (picking Gloss's own choice) still changes why it is here.
  const picks = entity.ambiguous?.map((a) => `${a.pick?.scope ?? ''}:${a.pick?.actor ?? ''}`).join('|') ?? '';
  useEffect(() => {
    let current = true;
    setDetails(null);
    services
      .details(entity)
      .then((d) => current && setDetails(d))
      .catch(() => current && setProblem('Gloss couldn’t load the details.'));
    return () => {
      current = false;
    };
    // By key: when the list is read again (after a tag) each entity is a new object; only another entity needs new details.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entity.key, picks, services]);

  const verdict = async (value: 'confirmed' | 'rejected' | null, done: string) => {
    const result = await services.tag(entity, value);
    if (result.ok) onChanged(done);
    else setProblem(result.message ?? 'That didn’t work. Try again.');
  };
  const noun = KIND_NOUNS[entity.kind];
  const phrase = KIND_NOUN_PHRASES[entity.kind];

  return (
    <div id={id} class="entity-panel" role="group" aria-label={`${entity.name} details`} onKeyDown={(event) => stepByKey(event, onStep)}>
      <MentionStepper position={position} located={located} total={entity.mentions.length} onStep={onStep} />
      {/* First, before the long facts: an ambiguous name is the one thing here that asks for a decision. */}
      {entity.ambiguous?.map((ambiguous, i) => (
        <AliasPicker
          key={`${entity.key}:${ambiguous.name}:${ambiguous.pick?.actor ?? ''}:${ambiguous.everywhere ?? ''}`}
          id={`${id}-alias-${i}`}
          ambiguous={ambiguous}
          taken={entity.canonical}
          onPick={async (actor, scope) => {
            const result = await services.pickAlias(ambiguous.name, actor, scope);
            if (result.ok) onChanged(result.message, ambiguous.name);
            return result;
          }}
        />
      ))}
      {details ? (
        <EntityFacts details={details} candidates={entity.ambiguous ? undefined : entity.candidates} />
      ) : (
        !problem && <p class="muted">Loading details…</p>
      )}
      {problem && (
        <p class="form-message" role="alert">
          {problem}
        </p>
      )}
      {form ? (
        <ActorForm
          name={entity.name}
          mode={form}
          suggest={services.suggest}
          onCancel={() => setForm(null)}
          onSubmit={async (actor) => {
            const result = await services.addActor(actor);
            if (result.ok) onChanged(actor.linkTo ? `Linked “${actor.name}” to ${actor.linkTo}.` : `Created the actor “${actor.name}”.`);
            return result;
          }}
        />
      ) : (
        <div class="actions">
          {entity.verdict !== 'confirmed' && (
            <button type="button" class="primary" onClick={() => void verdict('confirmed', `Confirmed ${entity.name} as ${phrase}.`)}>
              {`Confirm ${noun}`}
            </button>
          )}
          {entity.verdict === 'confirmed' && (
            <button type="button" onClick={() => void verdict(null, `Withdrew the confirmation of ${entity.name}.`)}>
              Undo confirmation
            </button>
          )}
          <button
            type="button"
            class="danger"
            onClick={() => void verdict('rejected', `Rejected ${entity.name}: it won’t be shown on this page again.`)}
          >
            {`Not ${phrase}`}
          </button>
          {entity.kind === 'threat-actor' && (
            <button type="button" onClick={() => setForm('link')}>
              Link to known actor…
            </button>
          )}
          {entity.kind === 'threat-actor' && details?.sources.length === 0 && (
            <button type="button" onClick={() => setForm('new')}>
              Save as new actor…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
