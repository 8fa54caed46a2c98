import type { Entity } from '../../lib/entities/types';
import type { Report } from './scoring';

/**
 * The rules' entities for a report, found once: cross-validation asks for every report once per fold
 * and combination, and the rules (unlike the model) do not change between folds.
 */
export function rulesByReport(findEntities: (text: string) => readonly Entity[]): (report: Report) => readonly Entity[] {
  const cache = new Map<Report, readonly Entity[]>();
  return (report) => {
    let found = cache.get(report);
    if (!found) cache.set(report, (found = findEntities(report.text)));
    return found;
  };
}
