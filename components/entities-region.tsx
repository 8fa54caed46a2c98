import { useEffect, useState } from 'preact/hooks';
import { SCAN_STOPPED_MESSAGE, type PageEntities } from '@/lib/entities/page-entities';
import { ActorPagesSearch } from './actor-pages-search';
import { EntityBrowser } from './entity-browser';
import type { EntityServices } from './popup-services';

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
    return () => {
      current = false;
    };
    // Once entities are here (with the article, or from this request) there is nothing to ask for.
  }, [services, entities]);

  return (
    <section class="entities" aria-labelledby="entities-title" aria-busy={!entities && !problem}>
      <h2 id="entities-title" class="section-title">
        Entities
      </h2>
      {entities?.stopped ? (
        <p class="scroll-note" role="status">
          {SCAN_STOPPED_MESSAGE}
        </p>
      ) : entities ? (
        <EntityBrowser initial={entities} services={services} />
      ) : problem ? (
        <p class="scroll-note" role="status">
          {problem}
        </p>
      ) : (
        <p class="muted" role="status">
          Looking for threat actors, software and indicators…
        </p>
      )}
      <ActorPagesSearch suggest={services.suggest} pagesFor={services.pagesForActor} />
    </section>
  );
}
