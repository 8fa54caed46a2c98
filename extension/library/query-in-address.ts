/**
 * The library's search kept in its address (`library.html?q=…`): a note's wikilink opens the library
 * with a search there, and a reload or a bookmark opens the same search again.
 */

export function queryFromAddress(): string {
  return new URLSearchParams(location.search).get('q') ?? '';
}

/** Replaces (never adds to) the tab's history entry, so Back still leaves the library. */
export function keepQueryInAddress(query: string): void {
  const address = new URL(location.href);
  if (query) address.searchParams.set('q', query);
  else address.searchParams.delete('q');
  if (address.href !== location.href) history.replaceState(history.state, '', address);
}
