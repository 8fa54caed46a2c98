/**
 * The library's backup import: its steps told in the status line, and the questions a backup that also
 * changes threat actors or settings asks before those changes apply.
 */
import { useState } from 'preact/hooks';
import { describeImport } from './describe-import';
import { actorChangesQuestion, IMPORT_STEPS, settingChangesQuestion, type ImportQuestion } from './import-questions';
import type { ActorChange, ImportStep, LibraryServices, LibraryStatus, SettingChange } from './library-services';

/** An import waiting for the user to say whether the backup's actor (or settings) changes apply. */
type PendingChoice = (ImportQuestion & { choose: (accept: boolean) => void }) | null;

interface ImportHooks {
  services: LibraryServices;
  setBusy: (busy: boolean) => void;
  setStatus: (status: LibraryStatus) => void;
  /** Called once the backup is in, before the library reloads (its own change notices are then ignored). */
  onImported: () => void;
  reload: () => Promise<void>;
}

export function useBackupImport({ services, setBusy, setStatus, onImported, reload }: ImportHooks) {
  const [pending, setPending] = useState<PendingChoice>(null);

  const runImport = async (file: File) => {
    setBusy(true);
    setStatus({ text: `Importing ${file.name}…`, problem: false });
    try {
      const ask = (what: string, choice: ImportQuestion) =>
        new Promise<boolean>((resolve) => {
          setStatus({
            text: `Importing ${file.name}: the backup also changes ${what}; choose whether those changes apply.`,
            problem: false,
          });
          setPending({
            ...choice,
            choose: (accept) => {
              setPending(null);
              resolve(accept);
            },
          });
        });
      const confirmActors = (changes: ActorChange[]) => ask('threat actors', actorChangesQuestion(file.name, changes));
      const confirmSettings = (changes: SettingChange[]) => ask('your settings', settingChangesQuestion(file.name, changes));
      const onStep = (step: ImportStep) => setStatus({ text: `Importing ${file.name}: ${IMPORT_STEPS[step]}`, problem: false });
      const outcome = await services.importBackup(file, onStep, confirmActors, confirmSettings);
      onImported();
      setStatus(
        outcome.ok
          ? { text: describeImport(outcome), problem: false }
          : { text: `Nothing was imported. ${outcome.message}`, problem: true },
      );
      if (outcome.ok) await reload();
    } catch (error) {
      setStatus({ text: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`, problem: true });
    } finally {
      setBusy(false);
    }
  };

  return { pending, runImport };
}
