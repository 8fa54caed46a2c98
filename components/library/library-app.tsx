import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildLibraryIndex, type LibraryIndex } from '@/lib/library/library-index';
import { prepareSearch, search, type SearchFilters } from '@/lib/library/search';
import type { ExportFormat } from '@/lib/messaging/contract';
import { LoadingIndicator } from '../loading-indicator';
import { Notice } from '../notice';
import { ImportConfirm } from './import-confirm';
import { LibraryActions } from './library-actions';
import type { LibraryServices, LibraryStatus } from './library-services';
import { useBackupImport } from './use-backup-import';
import { PageResults } from './page-results';
import { SearchBar } from './search-bar';
import { TagManager } from './tag-manager';
import { VaultSection } from './vault-section';
import { SyncRegion } from './sync-region';
import type { SyncServices } from './sync-services';
import { countOf } from '../count-words';
import { WikilinkSearch } from '../note/wikilink-search';

/** Pages painted at first and added by each "Show more": enough to fill a screen, cheap to render. */
const PAGE_STEP = 30;

/** `complete` is false while only the pages are read: the list paints before the highlights arrive. */
type State =
  | { phase: 'loading' }
  | { phase: 'ready'; index: LibraryIndex; actorNames: Map<string, string>; complete: boolean }
  | { phase: 'failed'; message: string };

/** Our own imports and renames announce themselves too; the library has already reloaded by then. */
const OWN_CHANGE_MS = 3_000;

/** Runs after the next frame is painted, so that work queued now does not hold back the first paint. */
function afterPaint(work: () => void): void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible')
    requestAnimationFrame(() => setTimeout(work, 0));
  else setTimeout(work, 0);
}

interface LibraryAppProps {
  services: LibraryServices;
  sync?: SyncServices;
  /** A search to start with (`library.html?q=…`, which a note's wikilink opens). */
  initialQuery?: string;
  /** Told each search as it changes (the page keeps it in its address, so a reload keeps it). */
  onQueryChange?: (query: string) => void;
  /** Searches sent from elsewhere (a wikilink followed in the popup): listens, and gives the way to stop. */
  subscribeSearches?: (onSearch: (query: string) => void) => () => void;
}

/** The library: every saved page, searchable and filterable, with exports, backups and tag admin. */
export function LibraryApp({ services, sync, initialQuery = '', onQueryChange, subscribeSearches }: LibraryAppProps) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [query, setQuery] = useState(initialQuery);
  const [filters, setFilters] = useState<SearchFilters>({});
  const [limit, setLimit] = useState(PAGE_STEP);
  const [status, setStatus] = useState<LibraryStatus>(null);
  const [busy, setBusy] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);

  const ownChangeUntil = useRef(0);

  const load = useCallback(async () => {
    try {
      const pages = await services.loadPages();
      const keys = [...new Set(pages.flatMap((page) => page.actors ?? []))];
      const rest = Promise.all([services.loadHighlights(), services.actorNames(keys).catch(() => new Map<string, string>())]);
      // A first open paints the pages at once; a reload keeps showing what it had until it is done.
      setState((previous) =>
        previous.phase === 'ready'
          ? previous
          : { phase: 'ready', index: buildLibraryIndex(pages, []), actorNames: new Map(), complete: false },
      );
      const [annotations, actorNames] = await rest;
      const index = buildLibraryIndex(pages, annotations, actorNames);
      setState({ phase: 'ready', index, actorNames, complete: true });
      // Fold the text for search once the list is on screen, so typing is quick from the first key.
      afterPaint(() => prepareSearch(index));
    } catch (error) {
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [services]);

  useEffect(() => {
    void load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = services.subscribe(() => {
      if (Date.now() < ownChangeUntil.current) return;
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 300);
    });
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLInputElement ||
        event.target instanceof HTMLTextAreaElement ||
        event.target instanceof HTMLSelectElement;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        searchInput.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
    };
  }, [services, load]);

  const index = state.phase === 'ready' ? state.index : null;
  const result = useMemo(() => (index ? search(index, query, filters) : null), [index, query, filters]);
  useEffect(() => setLimit(PAGE_STEP), [query, filters]);
  useEffect(() => onQueryChange?.(query), [query, onQueryChange]);

  const filtered = query.trim() !== '' || Object.values(filters).some(Boolean);
  const scopeUrls = filtered && result ? result.pages.map((match) => match.page.url) : null;

  const runExport = async (format: ExportFormat, urls: string[] | null, copy = false) => {
    setBusy(true);
    setStatus({ text: 'Exporting…', problem: false });
    try {
      const file = await services.exportPages(format, urls);
      if (copy && typeof file.data === 'string') {
        const copied = await services.copy(file.data);
        setStatus(copied ? { text: 'Markdown copied.', problem: false } : { text: 'The browser did not allow copying.', problem: true });
      } else {
        services.save(file);
        setStatus({ text: `Saved ${file.fileName}.`, problem: false });
      }
    } catch (error) {
      setStatus({ text: `Export failed: ${error instanceof Error ? error.message : String(error)}`, problem: true });
    } finally {
      setBusy(false);
    }
  };

  const { pending, runImport } = useBackupImport({
    services,
    setBusy,
    setStatus,
    onImported: () => (ownChangeUntil.current = Date.now() + OWN_CHANGE_MS),
    reload: load,
  });

  const runRename = useCallback(
    async (fromKey: string, toLabel: string) => {
      setBusy(true);
      try {
        const { annotations, merged } = await services.renameTag(fromKey, toLabel);
        ownChangeUntil.current = Date.now() + OWN_CHANGE_MS;
        setStatus({
          text: `${merged ? 'Merged' : 'Renamed'} the tag on ${countOf(annotations, 'highlight', 'highlights')}.`,
          problem: false,
        });
        await load();
      } catch (error) {
        setStatus({ text: error instanceof Error ? error.message : String(error), problem: true });
      } finally {
        setBusy(false);
      }
    },
    [services, load],
  );
  // A note's wikilink searches the library for its target, from the searchbox, where the person sees it.
  const searchFor = useCallback((target: string) => {
    setQuery(target);
    searchInput.current?.focus();
  }, []);
  useEffect(() => subscribeSearches?.(searchFor), [subscribeSearches, searchFor]);

  const tags = state.phase === 'ready' ? state.index.facets.tags : null;
  // Hundreds of tags: typing in the searchbox must not re-render the list.
  const tagManager = useMemo(() => tags && <TagManager tags={tags} busy={busy} onRename={runRename} />, [tags, busy, runRename]);

  if (state.phase === 'loading')
    return (
      <main class="library">
        <h1>Gloss library</h1>
        <LoadingIndicator label="Opening your library…" />
      </main>
    );
  if (state.phase === 'failed') {
    return (
      <main class="library">
        <h1>Gloss library</h1>
        <Notice title="Gloss couldn’t open your library" tone="problem" action={{ label: 'Try again', onClick: () => void load() }}>
          {state.message}
        </Notice>
      </main>
    );
  }
  const { index: ready, actorNames, complete } = state;
  const matches = result?.pages ?? [];
  return (
    <main class="library">
      <header class="library-header">
        <h1>Gloss library</h1>
        <p class="muted">
          {countOf(ready.pages.length, 'page', 'pages')}
          {complete && ` · ${countOf(ready.annotations.length, 'highlight', 'highlights')}`}
        </p>
        <nav class="library-menu" aria-label="Gloss">
          <a href="welcome.html" target="_blank" rel="noopener">
            Welcome and tips
          </a>
          <a href="settings.html" target="_blank" rel="noopener">
            Settings
          </a>
        </nav>
      </header>
      <SearchBar query={query} filters={filters} facets={ready.facets} onQuery={setQuery} onFilters={setFilters} inputRef={searchInput} />
      <p class="status-line" role="status">
        {status ? <span class={status.problem ? 'problem' : undefined}>{status.text}</span> : null}
      </p>
      <div class="library-columns">
        <section class="results-column" aria-label="Results">
          {ready.pages.length === 0 ? (
            <Notice title="Nothing saved yet">
              Select text on any web page and choose Highlight (or press Alt+Shift+H). Your pages appear here, searchable. You can also
              import a backup.
            </Notice>
          ) : (
            <>
              <p class="result-count" aria-live="polite">
                {!complete ? (
                  <>
                    <span class="spinner" aria-hidden="true" /> Reading your highlights…
                  </>
                ) : filtered ? (
                  `${countOf(matches.length, 'page', 'pages')}, ${countOf(result?.total ?? 0, 'highlight', 'highlights')} match`
                ) : (
                  `All ${countOf(matches.length, 'page', 'pages')}`
                )}
              </p>
              {matches.length === 0 && <p class="muted">Nothing matches. Try fewer words, or clear the filters.</p>}
              <WikilinkSearch.Provider value={searchFor}>
                <PageResults
                  matches={matches}
                  query={query}
                  limit={limit}
                  complete={complete}
                  onMore={() => setLimit(limit + PAGE_STEP)}
                  actions={{
                    open: (url, id) =>
                      void services.open(url, id).then((r) => {
                        // A local PDF opens the viewer and says why the file must be chosen again.
                        if (!r.ok || r.message) setStatus({ text: r.message ?? 'Gloss could not open that page.', problem: !r.ok });
                      }),
                    exportPage: (url, copy) => void runExport('markdown', [url], copy),
                    actorName: (key) => actorNames.get(key) ?? key,
                    highlights: services.highlights,
                  }}
                />
              </WikilinkSearch.Provider>
            </>
          )}
        </section>
        <aside class="side-column">
          <LibraryActions
            scopeCount={scopeUrls?.length ?? ready.pages.length}
            filtered={filtered}
            busy={busy || !complete}
            onExport={(format) => void runExport(format, scopeUrls)}
            onImport={(file) => void runImport(file)}
          />
          {pending && <ImportConfirm {...pending} onChoose={pending.choose} />}
          <VaultSection
            services={services.vault}
            scopeUrls={scopeUrls}
            scopeCount={scopeUrls?.length ?? ready.pages.length}
            busy={busy || !complete}
            onBusy={setBusy}
            onStatus={(text, problem) => setStatus({ text, problem })}
          />
          {tagManager}
          {sync && <SyncRegion services={sync} />}
        </aside>
      </div>
    </main>
  );
}
