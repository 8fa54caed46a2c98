import { useEffect, useRef, useState } from 'preact/hooks';
import { formKey } from '@/lib/entities/dictionary';
import { SCAN_STOPPED_MESSAGE, type PageEntities, type PageEntity } from '@/lib/entities/page-entities';
import type { EntityMark } from '@/lib/messaging/contract';
import { KIND_GROUPS, KIND_NOUNS } from '@/lib/popup/entity-labels';
import { EntityButton } from './entity-button';
import type { EntityServices } from './popup-services';
import { EntityPanel } from './entity-panel';
import { IndicatorExport } from './indicator-export';
import { SelectionTagger } from './selection-tagger';
import { useFocusAfterChange } from './use-focus-after-change';

/** Groups show this many entities until the user asks for all of them. */
const GROUP_PREVIEW = 12;

const marksOf = (entities: readonly PageEntity[]): EntityMark[] =>
  entities.flatMap((entity) => entity.quotes.map((quote) => ({ kind: entity.kind, quote })));

/**
 * Most mentioned first; a value on a warninglist ("popular site", "private range") after every other one
 * of its kind, however often the page names it: a report's own links must not push its indicators out of
 * the first dozen.
 */
function byMentions(a: PageEntity, b: PageEntity): number {
  return (
    Number(a.warning !== undefined) - Number(b.warning !== undefined) ||
    b.mentions.length - a.mentions.length ||
    (a.mentions[0]?.start ?? Infinity) - (b.mentions[0]?.start ?? Infinity) ||
    a.name.localeCompare(b.name)
  );
}

const panelIdOf = (key: string) => `entity-panel-${key.replace(/[^a-z0-9]+/gi, '-')}`;

/** The next mention found in the page, stepping from `from` in `delta`'s direction and wrapping around. */
function stepFound(located: boolean[], from: number, delta: 1 | -1): number {
  for (let k = 1; k <= located.length; k++) {
    const i = (from + delta * k + located.length * k) % located.length;
    if (located[i]) return i;
  }
  return from;
}

/** The article's entities grouped by kind; opening one marks its mentions in the page and steps through them. */
export function EntityBrowser({ initial, services }: { initial: PageEntities; services: EntityServices }) {
  const [entities, setEntities] = useState(initial);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [position, setPosition] = useState(0);
  const [located, setLocated] = useState<boolean[] | null>(null);
  const [markAll, setMarkAll] = useState(false);
  const [showAll, setShowAll] = useState<Set<string>>(new Set());
  /** The last outcome: a success reads as plain status, a problem in the problem colour. */
  const [message, setNote] = useState<{ text: string; problem: boolean } | null>(null);
  const setMessage = (text: string | null) => setNote(text === null ? null : { text, problem: false });
  const setProblem = (text: string) => setNote({ text, problem: true });
  /** Marks an earlier popup left in the page (they stay while the user reads). */
  const [leftover, setLeftover] = useState(false);
  useEffect(() => {
    performance.mark('gloss:entities-shown');
  }, []); // read by bench/runners/entity-popup.ts
  useEffect(() => {
    let current = true;
    services.marksShown().then(
      (shown) => current && setLeftover(shown),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [services]);

  // Verdicts, actors and picks changed in another view (the side panel, another popup, the library, sync):
  // show the entities as they now are. Quietly: a failed or stopped refresh keeps what is shown. Refreshes
  // run one at a time, and changes that arrive meanwhile make one more.
  const openKeyNow = useRef(openKey);
  openKeyNow.current = openKey;
  useEffect(() => {
    let running = false;
    let again = false;
    let live = true;
    const follow = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        const result = await services.refresh().catch(() => null);
        if (!live || !result?.ok || result.entities.stopped) continue;
        setEntities(result.entities);
        const key = openKeyNow.current;
        if (key && !result.entities.entities.some((e) => e.key === key)) {
          setOpenKey(null);
          await services.clearMarks().catch(() => undefined);
        }
      } while (again && live);
      running = false;
    };
    const unsubscribe = services.subscribe(() => void follow());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [services]);

  const removeLeftover = async () => {
    await services.clearMarks();
    setLeftover(false);
    setMessage('Removed the marks from the page.');
  };

  const open = async (entity: PageEntity) => {
    setLeftover(false);
    if (openKey === entity.key) {
      setOpenKey(null);
      return services.clearMarks();
    }
    await show(entity);
  };

  /** Opens the entity and marks its mentions. */
  const show = async (entity: PageEntity) => {
    setOpenKey(entity.key);
    setMarkAll(false);
    setLocated(null);
    setPosition(0);
    const found = await services.mark(marksOf([entity]), 0);
    const first = found.indexOf(true);
    if (first > 0) await services.focus(first);
    setLocated(found);
    setPosition(Math.max(first, 0));
    if (entity.mentions.length === 0) setMessage(`The article text doesn’t mention ${entity.name}; your tag is kept.`);
    else if (first === -1) setProblem(`Gloss couldn’t find the mentions of ${entity.name} in the page. Reload it and try again.`);
  };

  const step = async (delta: 1 | -1) => {
    if (!located) return;
    const next = stepFound(located, position, delta);
    setPosition(next);
    await services.focus(next);
  };

  const toggleMarkAll = async () => {
    setOpenKey(null);
    setLeftover(false);
    if (markAll) {
      setMarkAll(false);
      return services.clearMarks();
    }
    setMarkAll(true);
    const found = await services.mark(marksOf(entities.entities), null);
    const missing = found.filter((f) => !f).length;
    if (missing > 0) setProblem(`${missing} of ${found.length} mentions weren’t found on the page.`);
    else setMessage(null);
  };

  /** After a pick, keyboard focus returns to the picker of the entity that now holds the name. */
  const [focusPicker, setFocusPicker] = useState<string | null>(null);
  useEffect(() => {
    if (!focusPicker) return;
    const panel = document.getElementById(panelIdOf(focusPicker));
    const radio = panel?.querySelector<HTMLInputElement>('.alias-picker input[type="radio"]:checked');
    if (radio) {
      radio.focus();
      setFocusPicker(null);
    }
  }, [focusPicker, entities, openKey]);

  const toolbar = useRef<HTMLDivElement>(null);
  const keepFocus = useFocusAfterChange(() => toolbar.current?.parentElement ?? null);

  const changed = async (note: string, follow?: string) => {
    const origin = keepFocus.capture();
    const result = await services.refresh();
    if (!result.ok) return setProblem(result.message);
    // The scan gave up this time (a slow moment): keep the list shown rather than an empty one.
    if (result.entities.stopped) return setProblem(SCAN_STOPPED_MESSAGE);
    setEntities(result.entities);
    // A pick moves the name's mentions to another actor: open that one, so the picker stays at hand.
    const followed =
      follow === undefined
        ? undefined
        : result.entities.entities.find((e) => e.kind === 'threat-actor' && e.mentions.some((m) => formKey(m.text) === formKey(follow)));
    if (followed) {
      setMessage(note);
      setFocusPicker(followed.key);
      if (followed.key !== openKey) await show(followed);
      return;
    }
    if (openKey && !result.entities.entities.some((e) => e.key === openKey)) {
      setOpenKey(null);
      await services.clearMarks();
    }
    setMessage(note);
    keepFocus.settle(origin);
  };

  const groups = KIND_GROUPS.map((group) => ({
    ...group,
    items: entities.entities.filter((e) => e.kind === group.kind).sort(byMentions),
  })).filter((group) => group.items.length > 0);

  return (
    <>
      <div class="entity-toolbar" ref={toolbar}>
        {entities.entities.length > 0 && (
          <button type="button" aria-pressed={markAll} onClick={() => void toggleMarkAll()}>
            Mark all entities
          </button>
        )}
        {leftover && (
          <button type="button" onClick={() => void removeLeftover()}>
            Remove marks
          </button>
        )}
        <SelectionTagger services={services} onChanged={(note) => void changed(note)} />
      </div>
      {message && (
        <p class={message.problem ? 'scroll-note' : 'done-note'} role="status">
          {message.text}
        </p>
      )}
      {groups.length === 0 && <p class="muted">No threat actors, software, indicators or organizations found in this article.</p>}
      {groups.map((group) => {
        const headingId = `entity-group-${group.kind}`;
        const visible = showAll.has(group.kind) ? group.items : group.items.slice(0, GROUP_PREVIEW);
        return (
          <div key={group.kind} class="entity-group" role="group" aria-labelledby={headingId}>
            <h3 id={headingId} class="group-title">
              {group.label}
            </h3>
            <ul class="entity-list">
              {visible.map((entity) => {
                const panelId = panelIdOf(entity.key);
                return (
                  <li key={entity.key}>
                    <EntityButton entity={entity} expanded={openKey === entity.key} panelId={panelId} onToggle={() => void open(entity)} />
                    {openKey === entity.key && (
                      <EntityPanel
                        id={panelId}
                        entity={entity}
                        services={services}
                        position={position}
                        located={located}
                        onStep={(delta) => void step(delta)}
                        onChanged={(note, follow) => void changed(note, follow)}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
            {visible.length < group.items.length && (
              <button type="button" class="link-button" onClick={() => setShowAll(new Set([...showAll, group.kind]))}>
                {`Show all ${group.items.length} ${group.label.toLowerCase()}`}
              </button>
            )}
            {group.kind === 'indicator' && <IndicatorExport services={services} count={group.items.length} />}
          </div>
        );
      })}
      {entities.rejected.length > 0 && (
        <details class="rejected">
          <summary>{`Rejected on this page (${entities.rejected.length})`}</summary>
          <ul class="plain-list">
            {entities.rejected.map((entity) => (
              <li key={entity.key}>
                <span>{entity.name}</span> <span class="muted">{`· ${KIND_NOUNS[entity.kind]}`}</span>{' '}
                <button
                  type="button"
                  class="link-button"
                  aria-label={`Undo rejection of ${entity.name}`}
                  onClick={async () => {
                    const result = await services.tag(entity, null);
                    if (result.ok) await changed(`${entity.name} is shown again.`);
                  }}
                >
                  Undo
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
