import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeStatus, type SyncStatus, type SyncView } from '@/lib/sync/sync-status';
import { useFocusOnMount } from '../use-focus-on-mount';
import type { SyncServices } from './sync-services';

const formatTime = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The library's Sync region: the WebDAV account, "Sync now", the status line, and turning sync off,
 * forgetting the account or starting the server's copy over from this device. The password and
 * passphrase are never shown again once saved (empty boxes keep them); the boxes mask what is typed but
 * stay plain text boxes, so the browser does not offer to save the passphrase with the site's passwords.
 */
export function SyncRegion({ services }: { services: SyncServices }) {
  const [view, setView] = useState<SyncView | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmStartOver, setConfirmStartOver] = useState(false);
  // The confirmation closed: the focus goes back to the button that opened it (once it can take it).
  const [startOverRefocus, setStartOverRefocus] = useState(false);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  // How many actions have finished here: tests wait for it to move rather than on the text, which may repeat.
  const [finished, setFinished] = useState(0);

  /** Reads the account again; the status too at first (after an action, its own result is the status). */
  const refresh = useCallback(
    async (withStatus: boolean) => {
      try {
        const next = await services.view();
        setView(next);
        if (withStatus) setStatus(next.status);
        return next;
      } catch (error) {
        setLoadProblem(error instanceof Error ? error.message : String(error));
        return null;
      }
    },
    [services],
  );

  useEffect(() => {
    void refresh(true).then((first) => {
      if (first) {
        setServerUrl(first.serverUrl);
        setUser(first.user);
      }
    });
    return services.subscribe((next) => setStatus(next));
  }, [services, refresh]);

  const act = async (work: () => Promise<SyncStatus>) => {
    setBusy(true);
    try {
      setStatus(await work());
      await refresh(false);
    } catch (error) {
      setStatus({ state: 'problem', at: status?.at ?? null, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      setFinished((count) => count + 1);
    }
  };

  const syncNow = (event: Event) => {
    event.preventDefault();
    // Asked before anything is awaited: Firefox prompts only while the click is still going on.
    const consent = services.askToSend();
    void act(async () => {
      // Saved and tried either way: without consent the background says plainly why nothing was sent.
      await consent;
      const result = await services.setUp({ serverUrl, user, password, passphrase });
      setPassword('');
      setPassphrase('');
      return result;
    });
  };

  const problem = status?.state === 'problem';
  const secretHint = (stored: boolean | undefined) => (stored ? 'Saved; leave empty to keep it' : '');
  return (
    <section class="sync-region" aria-labelledby="sync-title">
      <h2 id="sync-title" class="section-title">
        Sync
      </h2>
      <p class="muted">
        Your highlights on every device, through a WebDAV folder you already have (Nextcloud, ownCloud, Synology, any WebDAV server).
        Everything is encrypted here with your passphrase before it leaves.
      </p>
      {loadProblem && <p class="problem">Gloss could not read the sync settings: {loadProblem}</p>}
      <form class="sync-form" onSubmit={syncNow}>
        <label>
          Server address
          <input
            type="url"
            value={serverUrl}
            placeholder="https://cloud.example/remote.php/dav/files/you/"
            autoComplete="off"
            spellcheck={false}
            onInput={(event) => setServerUrl((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          User name
          <input
            type="text"
            value={user}
            autoComplete="off"
            spellcheck={false}
            onInput={(event) => setUser((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          Password
          <input
            type="text"
            class="secret"
            value={password}
            placeholder={secretHint(view?.hasPassword)}
            autoComplete="off"
            spellcheck={false}
            onInput={(event) => setPassword((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          Passphrase
          <input
            type="text"
            class="secret"
            value={passphrase}
            placeholder={secretHint(view?.hasPassphrase)}
            autoComplete="off"
            spellcheck={false}
            aria-describedby="sync-passphrase-help"
            onInput={(event) => setPassphrase((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <p id="sync-passphrase-help" class="muted">
          The same passphrase on every device. Without it nobody can read the files on the server, and Gloss cannot recover it for you.
        </p>
        <div class="sync-buttons">
          <button type="submit" disabled={busy}>
            Sync now
          </button>
          {view?.enabled && (
            <button type="button" class="secondary" disabled={busy} onClick={() => void act(services.turnOff)}>
              Turn sync off
            </button>
          )}
          {(view?.serverUrl || view?.hasPassword) && (
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const result = await services.forget();
                  setServerUrl('');
                  setUser('');
                  setPassword('');
                  setPassphrase('');
                  return result;
                })
              }
            >
              Forget credentials
            </button>
          )}
        </div>
      </form>
      <p class="sync-status" role="status" aria-live="polite" data-finished={finished}>
        {busy && status?.state !== 'problem' ? (
          <>
            <span class="spinner" aria-hidden="true" /> Syncing…
          </>
        ) : status ? (
          <span class={problem ? 'problem' : undefined}>{describeStatus(status, formatTime)}</span>
        ) : null}
      </p>
      {view?.enabled &&
        (confirmStartOver ? (
          <StartOverConfirm
            busy={busy}
            confirm={() => {
              setConfirmStartOver(false);
              setStartOverRefocus(true);
              void act(services.startOver);
            }}
            cancel={() => {
              setConfirmStartOver(false);
              setStartOverRefocus(true);
            }}
          />
        ) : (
          <StartOverButton
            busy={busy}
            open={() => setConfirmStartOver(true)}
            refocus={startOverRefocus}
            refocused={() => setStartOverRefocus(false)}
          />
        ))}
    </section>
  );
}

/** The way into starting over; `refocus` once the confirmation it opened has closed. */
function StartOverButton({ busy, open, refocus, refocused }: { busy: boolean; open: () => void; refocus: boolean; refocused: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!refocus || busy) return;
    button.current?.focus();
    refocused();
  }, [refocus, busy, refocused]);
  return (
    <button ref={button} type="button" class="link-button" disabled={busy} onClick={open}>
      Start over from this device
    </button>
  );
}

/** Starting over asks first; the focus goes to Cancel, the choice that changes nothing. */
function StartOverConfirm({ busy, confirm, cancel }: { busy: boolean; confirm: () => void; cancel: () => void }) {
  const cancelButton = useFocusOnMount<HTMLButtonElement>();
  return (
    <div class="sync-start-over" role="group" aria-label="Start over">
      <p>
        This deletes every Gloss file in the sync folder and writes it again from this device, under a new key file. Other devices keep
        their highlights and send them again at their next sync.
      </p>
      <button type="button" disabled={busy} onClick={confirm}>
        Yes, start over
      </button>
      <button ref={cancelButton} type="button" class="secondary" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
