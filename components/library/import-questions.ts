import { describeActorChanges } from '@/lib/storage/actor-changes';
import { describeSettingChanges } from '@/lib/storage/device-records';
import type { ActorChange, ImportStep, SettingChange } from './library-services';

/** What an import asks before a backup's actor or settings changes apply, as the confirmation shows it. */
export interface ImportQuestion {
  title: string;
  text: string;
  note: string;
  accept: string;
  decline: string;
}

/** The status line's words for each step of an import. */
export const IMPORT_STEPS: Record<ImportStep, string> = {
  reading: 'reading the file…',
  checking: 'checking every record…',
  saving: 'saving (a large backup takes a while)…',
};

export function actorChangesQuestion(fileName: string, changes: ActorChange[]): ImportQuestion {
  return {
    title: `Actor changes in ${fileName}`,
    text: `This backup also ${describeActorChanges(changes)}`,
    note: 'Actor names count on every page you read from now on. Highlights import either way.',
    accept: 'Import with actor changes',
    decline: 'Import without',
  };
}

export function settingChangesQuestion(fileName: string, changes: SettingChange[]): ImportQuestion {
  return {
    title: `Settings in ${fileName}`,
    text: `This backup also ${describeSettingChanges(changes)}.`,
    note: 'Settings apply in every tab at once. Highlights import either way.',
    accept: 'Use the backup’s settings',
    decline: 'Keep my settings',
  };
}
