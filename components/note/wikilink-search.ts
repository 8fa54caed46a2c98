/**
 * What following a note's wikilink or inline `#tag` does, given by the view with the query (the link's
 * target, or the tag with its `#`): the library searches itself; the popup and side panel search the
 * library tab already open, or open one. Without it (and for a Ctrl- or middle-click) the link opens the
 * library searching in a new tab.
 */
import { createContext } from 'preact';

export const WikilinkSearch = createContext<((target: string) => void) | null>(null);

/** The library's address searching for a target, from any extension page (they all sit at the root). */
export function librarySearchHref(target: string): string {
  return `library.html?q=${encodeURIComponent(target)}`;
}
