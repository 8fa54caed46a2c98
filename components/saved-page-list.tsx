import { isWebLink } from '@/lib/entities/entity-details';
import type { SavedPageSummary } from '@/lib/messaging/contract';

/** Saved pages as links (web addresses only; anything else is shown as text). */
export function SavedPageList({ pages, label }: { pages: readonly SavedPageSummary[]; label?: string }) {
  return (
    <ul class="plain-list" aria-label={label}>
      {pages.map((page) => (
        <li key={page.url}>
          {isWebLink(page.url) ? (
            <a href={page.url} target="_blank" rel="noopener noreferrer">
              {page.title || page.url}
            </a>
          ) : (
            page.title || page.url
          )}
        </li>
      ))}
    </ul>
  );
}
