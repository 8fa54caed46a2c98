import { useEffect, useState } from 'preact/hooks';
import { SCAN_STOPPED_MESSAGE, type PageEntities, type PageEntity } from '@/lib/entities/page-entities';
import type { PickScope } from '@/lib/entities/alias-picks';
import type { ActorSuggestion } from '@/lib/entities/search-actors';
import type { TaggableKind } from '@/lib/entities/taggable-kinds';
import type { IndicatorFanging, IndicatorListFormat } from '@/lib/export/indicator-list';
import type { ActorToAdd, EntityDetailsResult, EntityMark, PageExportResult, SavedPageSummary, TabEntitiesResult } from '@/lib/messaging/contract';
import { ActorPagesSearch } from './actor-pages-search';
import { EntityBrowser } from './entity-browser';

type Outcome = Promise<{ ok: boolean; message?: string }>;

export interface EntityServices {
  refresh: () => Promise<TabEntitiesResult>;
  details: (entity: PageEntity) => Promise<EntityDetailsResult>;
  tag: (entity: PageEntity, verdict: 'confirmed' | 'rejected' | null) => Outcome;
  addActor: (actor: ActorToAdd) => Outcome;
  /** Keeps (or with `actor` null, clears) the pick of which actor an ambiguous name means, here or everywhere. */
  pickAlias: (name: string, actor: string | null, scope: PickScope) => Promise<{ ok: boolean; message: string }>;
  /** Confirms text as an entity of any kind but threat actor; the message says what it was kept as, or why not. */
  tagSelection: (kind: TaggableKind, text: string) => Promise<{ ok: boolean; message: string }>;
  suggest: (query: string) => Promise<ActorSuggestion[]>;
  selection: () => Promise<string>;
  mark: (marks: EntityMark[], focus: number | null) => Promise<boolean[]>;
  focus: (index: number) => Promise<boolean>;
  clearMarks: () => Promise<void>;
  /** Whether the page shows entity marks already (left by an earlier popup). */
  marksShown: () => Promise<boolean>;
  /** The page's indicators as a file (text or CSV), refanged or defanged, with types and context. */
  exportIndicators: (format: IndicatorListFormat, fanging: IndicatorFanging) => Promise<PageExportResult>;
  save: (file: { fileName: string; mimeType: string; data: string }) => void;
  copy: (text: string) => Promise<boolean>;
  /** Saved pages that mention an actor under any of its names. */
  pagesForActor: (name: string) => Promise<SavedPageSummary[]>;
}

/**
 * The popup's "Entities" region. Entities usually arrive with the article; when the background was
 * still building its dictionaries (its first use after starting) they are asked for here, with a
 * progress line meanwhile, so the rest of the popup does not wait.
 */
export function EntitiesRegion({ initial, services }: { initial: PageEntities | null; services: EntityServices }) {
  const [entities, setEntities] = useState<PageEntities | null>(initial);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (entities) return;
    let current = true;
    services
      .refresh()
      .then((result) => {
        if (!current) return;
        if (result.ok) setEntities(result.entities);
        else setProblem(result.message);
      })
      .catch(() => current && setProblem('Gloss couldn’t look for entities on this page. Open it again to retry.'));
    return () => { current = false; };
  }, [services]);

  return (
    <section class="entities" aria-labelledby="entities-title" aria-busy={!entities && !problem}>
      <h2 id="entities-title" class="section-title">Entities</h2>
      {entities?.stopped ? (
        <p class="scroll-note" role="status">{SCAN_STOPPED_MESSAGE}</p>
      ) : entities ? (
        <EntityBrowser initial={entities} services={services} />
      ) : problem ? (
        <p class="scroll-note" role="status">{problem}</p>
      ) : (
        <p class="muted" role="status">Looking for threat actors, software and indicators…</p>
      )}
      <ActorPagesSearch suggest={services.suggest} pagesFor={services.pagesForActor} />
    </section>
  );
}
