import type { EntityDetailsResult } from '@/lib/messaging/contract';
import { countryName } from '@/lib/popup/entity-labels';
import { SavedPageList } from './saved-page-list';

/** What Gloss knows about an entity: other names, origin, sources, links, and saved pages naming it. */
export function EntityFacts({ details, candidates }: { details: EntityDetailsResult; candidates?: string[] }) {
  return (
    <dl class="entity-facts">
      {details.canonical && (
        <>
          <dt>Name</dt>
          <dd>{details.canonical}</dd>
        </>
      )}
      {details.why.length > 0 && (
        <>
          <dt>Why it is here</dt>
          <dd>
            <ul class="entity-why">
              {details.why.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {details.aliases.length > 0 && (
        <>
          <dt>Also known as</dt>
          <dd>{details.aliases.join(', ')}</dd>
        </>
      )}
      {candidates && candidates.length > 1 && (
        <>
          <dt>May also mean</dt>
          <dd>{candidates.slice(1).join(', ')}</dd>
        </>
      )}
      {details.country && (
        <>
          <dt>Country</dt>
          <dd>{countryName(details.country)}</dd>
        </>
      )}
      {/* Microsoft's label is sometimes just the country ("Russia"), already said above. */}
      {details.motivation && !(details.country && details.motivation === countryName(details.country, 'en')) && (
        <>
          <dt>Origin or motive</dt>
          <dd>{details.motivation}</dd>
        </>
      )}
      {details.sources.length > 0 && (
        <>
          <dt>Name from</dt>
          <dd>{details.sources.join(', ')}</dd>
        </>
      )}
      {details.links.length > 0 && (
        <>
          <dt>Read more</dt>
          <dd>
            <ul class="plain-list">
              {details.links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} target="_blank" rel="noopener noreferrer">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {details.kind === 'threat-actor' && (
        <>
          <dt>Saved pages naming it</dt>
          <dd>{details.pages.length === 0 ? <span class="muted">None yet</span> : <SavedPageList pages={details.pages} />}</dd>
        </>
      )}
    </dl>
  );
}
