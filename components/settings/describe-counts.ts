import type { StoredCounts } from '@/lib/storage/storage-summary';
import { countOf } from '../count-words';

/** The counts as a list for people: "3 pages, 12 highlights and 2 tags"; "nothing" when all are zero. */
export function describeCounts(counts: StoredCounts): string {
  const parts = [
    [counts.pages, 'page', 'pages'],
    [counts.highlights, 'highlight', 'highlights'],
    [counts.tags, 'tag', 'tags'],
    [counts.verdicts, 'entity verdict', 'entity verdicts'],
    [counts.actors, 'threat actor of yours', 'threat actors of yours'],
    [counts.aliasPicks, 'alias pick', 'alias picks'],
    [counts.pausedSites, 'paused site', 'paused sites'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => countOf(n, one, many));
  if (said.length === 0) return 'nothing';
  return said.length === 1 ? said[0] : `${said.slice(0, -1).join(', ')} and ${said[said.length - 1]}`;
}
