import type { ImportOutcome } from './library-services';
import { countOf } from '../count-words';
import { describeSettingChanges } from '@/lib/storage/device-records';

/** How many skipped records the status names; the rest are counted. */
const SKIPS_NAMED = 3;

/**
 * The status after an import, starting "Imported": what it added and updated, the records of the file it
 * skipped with their place and reason ("skipped 2: Annotation 17: TextQuoteSelector exact is empty. …"),
 * whether the backup's actor changes were left out, and what it restored of this browser's own records
 * (paused sites, settings).
 */
export function describeImport(outcome: Extract<ImportOutcome, { ok: true }>): string {
  const { report, skipped, actorChanges, actorsApplied, settingChanges, settingsApplied } = outcome;
  const { annotations, pages } = report;
  const sentences = [
    `Imported: ${countOf(annotations.added, 'highlight', 'highlights')} added, ${annotations.updated.toLocaleString()} updated, ` +
      `${annotations.skipped.toLocaleString()} already up to date; ${countOf(pages.added, 'new page', 'new pages')}.`,
  ];
  if (skipped.length > 0) {
    const named = skipped
      .slice(0, SKIPS_NAMED)
      .map((record) => record.message)
      .join(' ');
    const more = skipped.length > SKIPS_NAMED ? ` And ${(skipped.length - SKIPS_NAMED).toLocaleString()} more.` : '';
    sentences.push(`Skipped ${skipped.length.toLocaleString()} that could not be kept: ${named}${more}`);
  }
  sentences.push(
    `In all ${report.added.toLocaleString()} records added, ${report.updated.toLocaleString()} updated, ${report.skipped.toLocaleString()} unchanged.`,
  );
  if (actorChanges.length > 0) sentences.push(actorsApplied ? 'Actor changes applied.' : 'Actor changes left out, as chosen.');
  if (report.pausedSites.added > 0) sentences.push(`Paused on ${countOf(report.pausedSites.added, 'more site', 'more sites')}.`);
  if (settingChanges.length > 0) {
    sentences.push(
      settingsApplied
        ? `Settings restored: the backup ${describeSettingChanges(settingChanges, false)}.`
        : 'Settings left as they were, as chosen.',
    );
  }
  return sentences.join(' ');
}
