import { useEffect, useRef, useState } from 'preact/hooks';
import { countOf } from '../count-words';
import { describeVaultProgress, describeVaultReport } from './describe-vault';
import type { VaultProgress, VaultReport, VaultServices } from './library-services';

interface VaultSectionProps {
  services: VaultServices;
  /** The pages an update takes: the ones shown (null: all), as for exports. */
  scopeUrls: string[] | null;
  scopeCount: number;
  busy: boolean;
  onBusy: (busy: boolean) => void;
  /** Puts a line in the library's status line. */
  onStatus: (text: string, problem: boolean) => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The "Obsidian vault" region: choose a vault folder once, then Update vault writes one note per page
 * into it and updates them in place (Chrome). Where the browser cannot write into a folder (Firefox) it
 * says so and points at Export Markdown.
 */
export function VaultSection({ services, scopeUrls, scopeCount, busy, onBusy, onStatus }: VaultSectionProps) {
  const [folder, setFolder] = useState<string | null | undefined>(undefined);
  const [progress, setProgress] = useState<VaultProgress | null>(null);
  const [skipped, setSkipped] = useState<VaultReport['skipped']>([]);
  const updateButton = useRef<HTMLButtonElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  /**
   * Where focus goes once the region is drawn again: to Update vault after a folder is chosen (the next
   * step) or after an update (its button was disabled meanwhile, which drops focus), to Choose vault
   * folder after Forget, whose button is gone. Never left on the page's body.
   */
  const focusNext = useRef<'update' | 'choose' | null>(null);

  useEffect(() => {
    if (!services.supported) return;
    services.folderName().then(setFolder, () => setFolder(null));
  }, [services]);
  useEffect(() => {
    const target = focusNext.current === 'update' ? updateButton.current : focusNext.current === 'choose' ? chooseButton.current : null;
    if (!target || target.disabled) return;
    focusNext.current = null;
    // Only focus that was lost moves: a reader who went on elsewhere during a long update keeps their place.
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) target.focus();
  }, [folder, busy]);

  const choose = async () => {
    try {
      const name = await services.choose();
      if (name === null) return;
      focusNext.current = 'update';
      setFolder(name);
      setSkipped([]);
      onStatus(`Vault folder: ${name}. Update vault writes your notes there.`, false);
    } catch (error) {
      onStatus(`Gloss could not use that folder: ${message(error)}`, true);
    }
  };

  const update = async () => {
    focusNext.current = 'update';
    onBusy(true);
    setSkipped([]);
    onStatus('Updating the vault…', false);
    try {
      const outcome = await services.update(scopeUrls, setProgress);
      if (!outcome.ok) {
        onStatus(outcome.message, true);
      } else {
        setSkipped(outcome.report.skipped);
        onStatus(describeVaultReport(outcome.report), false);
      }
    } catch (error) {
      onStatus(`Gloss could not update the vault: ${message(error)}`, true);
    } finally {
      setProgress(null);
      onBusy(false);
    }
  };

  const forget = async () => {
    try {
      await services.forget();
      focusNext.current = 'choose';
      setFolder(null);
      setSkipped([]);
      onStatus('Gloss forgot the vault folder. Your notes there stay as they are.', false);
    } catch (error) {
      onStatus(`Gloss could not forget the folder: ${message(error)}`, true);
    }
  };

  const scope = scopeUrls ? `the ${scopeCount === 1 ? 'page' : countOf(scopeCount, 'page', 'pages')} shown` : 'every page';
  return (
    <section class="vault-section" aria-labelledby="vault-title">
      <h2 id="vault-title" class="section-title">
        Obsidian vault
      </h2>
      {!services.supported ? (
        <p class="muted">
          This browser cannot write into a folder (it has no File System Access API; Chrome and Edge do), so notes leave Gloss as downloads
          here: Export Markdown gives one note per page, several as a zip to unpack into your vault. Exporting again gives the same block
          ids, so Obsidian links keep working.
        </p>
      ) : folder === undefined ? null : folder === null ? (
        <>
          <p class="muted">
            Choose your vault (or a folder in it) and Gloss writes one note per page there, then updates them in place: it rewrites only its
            own block of each note, so what you write above or below it stays.
          </p>
          <div class="action-buttons">
            <button ref={chooseButton} type="button" disabled={busy} onClick={() => void choose()}>
              Choose vault folder…
            </button>
          </div>
        </>
      ) : (
        <>
          <p class="vault-folder">
            Folder: <strong>{folder}</strong>
          </p>
          <p class="muted">
            Update vault writes {scope}: new notes for new pages, and Gloss’s block of existing ones rewritten, your own text kept.
          </p>
          <div class="action-buttons">
            <button ref={updateButton} type="button" disabled={busy || scopeCount === 0} onClick={() => void update()}>
              Update vault
            </button>
            <button type="button" disabled={busy} onClick={() => void choose()}>
              Choose another folder…
            </button>
            <button type="button" disabled={busy} onClick={() => void forget()}>
              Forget folder
            </button>
          </div>
        </>
      )}
      {progress && (
        <div class="vault-progress">
          <progress
            aria-label="Vault update progress"
            max={progress.phase === 'writing' ? Math.max(progress.total, 1) : undefined}
            value={progress.phase === 'writing' ? progress.done : undefined}
          />
          <p class="muted">{describeVaultProgress(progress)}</p>
        </div>
      )}
      {skipped.length > 0 && (
        <div class="vault-skipped">
          <h3>Left as they were</h3>
          <ul>
            {skipped.map(({ what, reason }) => (
              <li key={what}>
                <strong>{what}</strong>: {reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
