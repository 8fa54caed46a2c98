import { useState } from 'preact/hooks';
import type { ExportFormat } from '@/lib/messaging/contract';
import type { ExportServices } from './popup-services';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'markdown', label: 'Export Markdown' },
  { format: 'json', label: 'Export JSON' },
  { format: 'stix', label: 'Export STIX' },
];

/** The popup's exports of this page: three downloads at once, and Markdown to the clipboard. */
export function ExportBar({ services }: { services: ExportServices }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);

  const run = async (format: ExportFormat, copy: boolean) => {
    setBusy(true);
    setStatus(null);
    try {
      const result = await services.exportPage(format);
      if (!result.ok) return setStatus({ text: result.message, problem: true });
      if (copy) {
        const copied = await services.copy(result.text);
        setStatus(
          copied
            ? { text: 'Markdown copied.', problem: false }
            : { text: 'The browser did not allow copying. Use Export Markdown instead.', problem: true },
        );
      } else {
        services.save({ fileName: result.fileName, mimeType: result.mimeType, data: result.text });
        setStatus({ text: `Saved ${result.fileName}.`, problem: false });
      }
    } catch (error) {
      setStatus({ text: `Export failed: ${error instanceof Error ? error.message : String(error)}`, problem: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="export-bar" aria-labelledby="export-title">
      <h2 id="export-title" class="section-title">
        Export
      </h2>
      <div class="export-buttons">
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" disabled={busy} onClick={() => void run(format, false)}>
            {label}
          </button>
        ))}
        <button type="button" disabled={busy} onClick={() => void run('markdown', true)}>
          Copy Markdown
        </button>
      </div>
      {status && (
        <p class={status.problem ? 'export-status problem' : 'export-status'} role="status">
          {status.text}
        </p>
      )}
      <p class="library-link">
        <button type="button" class="link-button" onClick={() => services.openLibrary()}>
          Open library
        </button>{' '}
        to search, filter and export all your pages.
      </p>
    </section>
  );
}
