import { countOf } from '../count-words';
import type { VaultProgress, VaultReport } from './library-services';

/**
 * The status after a vault update, starting "Vault updated": new notes, updated notes, notes already up
 * to date, and how many were left alone (the Obsidian vault section lists them with the reason).
 */
export function describeVaultReport(report: VaultReport): string {
  const { created, updated, unchanged, skipped } = report;
  if (created.length + updated.length + unchanged + skipped.length === 0) {
    return 'Vault updated: nothing to write yet. Pages get a note once they have a highlight.';
  }
  const parts = [
    countOf(created.length, 'new note', 'new notes'),
    `${countOf(updated.length, 'note', 'notes')} updated`,
    `${unchanged.toLocaleString()} already up to date`,
  ];
  const left =
    skipped.length > 0
      ? ` ${countOf(skipped.length, 'note was', 'notes were')} left as ${skipped.length === 1 ? 'it was' : 'they were'}; the Obsidian vault section says why.`
      : '';
  return `Vault updated: ${parts.join(', ')}.${left}`;
}

/** "Reading the vault folder: 1,200 notes so far" or "Writing notes: 120 of 5,000". */
export function describeVaultProgress(progress: VaultProgress): string {
  return progress.phase === 'reading'
    ? `Reading the vault folder: ${countOf(progress.notes, 'note', 'notes')} so far…`
    : `Writing notes: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}…`;
}
