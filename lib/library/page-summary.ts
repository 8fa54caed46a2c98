import type { HighlightColor } from '../storage/records';

/** One page as the library lists, filters and searches it: its record summed up with its highlights. */
export interface PageSummary {
  url: string;
  title: string;
  siteName: string | null;
  /** What to show as the site: the page's site name, else its host without "www.". */
  site: string;
  createdAt: number;
  updatedAt: number;
  highlightCount: number;
  /** Tag labels on the page's highlights, one per tag key, most used first. */
  tags: string[];
  /** The keys of `tags`, in the same order. */
  tagKeys: string[];
  /** Colours of the page's highlights, in HIGHLIGHT_COLORS order. */
  colors: HighlightColor[];
  /** actorKeys of the threat actors the page mentions. */
  actors: string[];
  /** A PDF (its page carries a document key): `local` when it was opened from a file, with no web address. */
  pdf: { local: boolean } | null;
}
