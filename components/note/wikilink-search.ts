/**
 * What following a note's wikilink does. The library searches itself for the target; elsewhere (the
 * popup, the side panel) the link opens the library searching for it.
 */
import { createContext } from 'preact';

export const WikilinkSearch = createContext<((target: string) => void) | null>(null);

/** The library's address searching for a target, from any extension page (they all sit at the root). */
export function librarySearchHref(target: string): string {
  return `library.html?q=${encodeURIComponent(target)}`;
}
