import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { formatBytes } from '@/lib/settings/format-bytes';
import { countOf } from '../count-words';
import { LoadingIndicator } from '../loading-indicator';
import { describeCounts } from './describe-counts';
import { EraseDialog } from './erase-dialog';
import type { DataSummary, SettingsServices } from './settings-services';

type Summary = { phase: 'loading' } | { phase: 'ready'; summary: DataSummary } | { phase: 'failed'; message: string };
type Status = { text: string; problem: boolean } | null;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Where Gloss keeps what it keeps, how much there is, a backup of all of it, and erasing all of it. */
export function DataSettings({ services }: { services: SettingsServices }) {
  const [summary, setSummary] = useState<Summary>({ phase: 'loading' });
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [erasing, setErasing] = useState(false);
  const eraseButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setSummary({ phase: 'ready', summary: await services.dataSummary() });
    } catch (error) {
      setSummary({ phase: 'failed', message: message(error) });
    }
  }, [services]);
  useEffect(() => {
    void load();
    return services.subscribeData(() => void load());
  }, [services, load]);

  const exportEverything = async () => {
    setBusy(true);
    setStatus({ text: 'Exporting everything…', problem: false });
    try {
      setStatus({ text: `Saved ${await services.exportEverything()}.`, problem: false });
    } catch (error) {
      setStatus({ text: `Export failed: ${message(error)}`, problem: true });
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    const erased = await services.eraseEverything();
    setErasing(false);
    setStatus({ text: `Erased ${describeCounts(erased)}. Gloss keeps nothing now.`, problem: false });
    await load();
  };

  const counts = summary.phase === 'ready' ? summary.summary.counts : null;
  const bytes = summary.phase === 'ready' && summary.summary.bytes !== null ? formatBytes(summary.summary.bytes) : null;
  return (
    <section class="settings-section" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p>
        Gloss keeps your highlights, notes, tags and settings in this browser profile, in Gloss’s own storage (IndexedDB, kept by Gloss’s
        background page), which no web page can read. Nothing is sent anywhere unless you turn on sync: Gloss has no server and no account.{' '}
        <a href="library.html#sync-title" target="_blank" rel="noopener">
          Sync
        </a>
        , in the library, keeps your highlights the same in your other browsers through a WebDAV folder of your own (Nextcloud and the
        like), encrypted with your passphrase before it leaves.
      </p>
      {summary.phase === 'loading' && <LoadingIndicator label="Counting what Gloss keeps…" />}
      {summary.phase === 'failed' && (
        <p class="problem" role="alert">
          Gloss could not count what it keeps: {summary.message}{' '}
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </p>
      )}
      {counts && (
        <dl class="data-counts" aria-label="What Gloss keeps">
          <div>
            <dt>Pages</dt>
            <dd>{counts.pages.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Highlights</dt>
            <dd>{counts.highlights.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Tags</dt>
            <dd>{counts.tags.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Entity verdicts</dt>
            <dd>{counts.verdicts.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Your threat actors</dt>
            <dd>{counts.actors.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Alias picks</dt>
            <dd>{counts.aliasPicks.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Paused sites</dt>
            <dd>{counts.pausedSites.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Space used</dt>
            <dd>{bytes ?? 'the browser does not say'}</dd>
          </div>
        </dl>
      )}
      {bytes && (
        <p class="muted">The space the browser counts for Gloss, including its own bookkeeping; it shrinks some time after an erase.</p>
      )}
      <div class="action-buttons">
        <button type="button" disabled={busy || counts?.pages === 0} onClick={() => void exportEverything()}>
          Export everything
        </button>
        <button ref={eraseButton} type="button" class="danger" disabled={busy} onClick={() => setErasing(true)}>
          Erase everything…
        </button>
      </div>
      <p class="muted">
        <em>Export everything</em> saves the JSON backup ({countOf(counts?.pages ?? 0, 'page', 'pages')}), which the library’s
        <em> Import backup</em> reads back without loss. Settings and paused sites are not in it.
      </p>
      <p class="status-line" role="status">
        {status && <span class={status.problem ? 'problem' : undefined}>{status.text}</span>}
      </p>
      {erasing && (
        <EraseDialog
          counts={counts}
          onErase={erase}
          onClose={() => {
            setErasing(false);
            eraseButton.current?.focus();
          }}
        />
      )}
    </section>
  );
}
