import { useEffect, useState } from 'preact/hooks';
import type { ActorSuggestion } from '@/lib/entities/search-actors';
import type { SavedPageSummary } from '@/lib/messaging/contract';
import { SavedPageList } from './saved-page-list';

interface ActorPagesSearchProps {
  suggest: (query: string) => Promise<ActorSuggestion[]>;
  pagesFor: (name: string) => Promise<SavedPageSummary[]>;
}

/** "Which saved pages mention this actor?", under any of its names, from any page. */
export function ActorPagesSearch({ suggest, pagesFor }: ActorPagesSearchProps) {
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<ActorSuggestion[]>([]);
  const [result, setResult] = useState<{ name: string; pages: SavedPageSummary[] } | null>(null);

  useEffect(() => {
    if (query.trim().length < 2) return setSuggestions([]);
    let current = true;
    void suggest(query).then((found) => current && setSuggestions(found));
    return () => {
      current = false;
    };
  }, [query, suggest]);

  const search = async (event: Event) => {
    event.preventDefault();
    const name = query.trim();
    if (name) setResult({ name, pages: await pagesFor(name) });
  };

  return (
    <details class="actor-pages">
      <summary>Find saved pages by actor</summary>
      <form role="search" aria-label="Saved pages by actor" onSubmit={(event) => void search(event)}>
        <label for="actor-pages-name">Actor, by any of its names</label>
        <div class="inline-field">
          <input
            id="actor-pages-name"
            list="actor-pages-suggestions"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            placeholder="e.g. UNC3944"
            autoComplete="off"
            maxLength={200}
          />
          <button type="submit">Find pages</button>
        </div>
        <datalist id="actor-pages-suggestions">
          {suggestions.map((s) => (
            <option key={s.canonical} value={s.canonical}>
              {s.aliases.length ? `also ${s.aliases.join(', ')}` : ''}
            </option>
          ))}
        </datalist>
      </form>
      {result && (
        <div role="status">
          {result.pages.length === 0 ? (
            <p class="muted">{`No saved page mentions “${result.name}” under any of its names.`}</p>
          ) : (
            <SavedPageList pages={result.pages} label={`Saved pages mentioning ${result.name}`} />
          )}
        </div>
      )}
    </details>
  );
}
