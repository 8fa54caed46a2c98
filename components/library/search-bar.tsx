import { useMemo } from 'preact/hooks';
import type { FacetValue, LibraryFacets } from '@/lib/library/library-index';
import type { SearchFilters } from '@/lib/library/search';
import type { HighlightColor } from '@/lib/storage/records';
import { countOf } from '../count-words';

interface SearchBarProps {
  query: string;
  filters: SearchFilters;
  facets: LibraryFacets;
  onQuery: (query: string) => void;
  onFilters: (filters: SearchFilters) => void;
  inputRef?: { current: HTMLInputElement | null };
}

function FacetSelect({
  label,
  value,
  values,
  onChange,
}: {
  label: string;
  value: string | undefined;
  values: FacetValue[];
  onChange: (key: string | undefined) => void;
}) {
  const id = `filter-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <span class="filter">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={values.length === 0}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value || undefined)}
      >
        <option value="">{values.length === 0 ? 'None yet' : 'All'}</option>
        {values.map((facet) => (
          <option key={facet.key} value={facet.key}>
            {facet.label} ({countOf(facet.pages, 'page', 'pages')})
          </option>
        ))}
      </select>
    </span>
  );
}

/** The searchbox and the four filters; results follow every keystroke. */
export function SearchBar({ query, filters, facets, onQuery, onFilters, inputRef }: SearchBarProps) {
  const active = query !== '' || Object.values(filters).some(Boolean);
  // The menus can hold hundreds of tags and sites: typing must not re-render them on every key.
  const filterGroup = useMemo(
    () => (
      <div class="filters" role="group" aria-label="Filters">
        <FacetSelect label="Tag" value={filters.tag} values={facets.tags} onChange={(tag) => onFilters({ ...filters, tag })} />
        <FacetSelect
          label="Colour"
          value={filters.color}
          values={facets.colors}
          onChange={(color) => onFilters({ ...filters, color: color as HighlightColor | undefined })}
        />
        <FacetSelect label="Site" value={filters.site} values={facets.sites} onChange={(site) => onFilters({ ...filters, site })} />
        <FacetSelect
          label="Threat actor"
          value={filters.actor}
          values={facets.actors}
          onChange={(actor) => onFilters({ ...filters, actor })}
        />
        {active && (
          <button
            type="button"
            class="link-button"
            onClick={() => {
              onQuery('');
              onFilters({});
            }}
          >
            Clear search and filters
          </button>
        )}
      </div>
    ),
    [filters, facets, active, onFilters, onQuery],
  );
  return (
    <div class="search-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        aria-label="Search"
        placeholder="Search quotes, notes, #tags, titles and addresses   ( / )"
        value={query}
        onInput={(event) => onQuery((event.currentTarget as HTMLInputElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query) {
            event.preventDefault();
            onQuery('');
          }
        }}
        autoFocus
      />
      {filterGroup}
    </div>
  );
}
