import { useRef } from 'preact/hooks';
import type { ExportFormat } from '@/lib/messaging/contract';
import { countOf } from '../count-words';

interface LibraryActionsProps {
  /** How many pages an export takes now: the matching ones, or all. */
  scopeCount: number;
  filtered: boolean;
  busy: boolean;
  onExport: (format: ExportFormat) => void;
  onImport: (file: File) => void;
}

const EXPORTS: { format: ExportFormat; label: string }[] = [
  { format: 'markdown', label: 'Export Markdown' },
  { format: 'json', label: 'Export JSON' },
  { format: 'stix', label: 'Export STIX' },
];

/** Export what is shown (or everything), and restore a JSON backup. */
export function LibraryActions({ scopeCount, filtered, busy, onExport, onImport }: LibraryActionsProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const scope = filtered ? `the ${scopeCount === 1 ? 'page' : countOf(scopeCount, 'page', 'pages')} shown` : 'everything';
  return (
    <section class="library-actions" aria-labelledby="actions-title">
      <h2 id="actions-title" class="section-title">
        Export and back up
      </h2>
      <p class="muted">Exports take {scope}. Markdown of several pages comes as a zip of one file per page.</p>
      <div class="action-buttons">
        {EXPORTS.map(({ format, label }) => (
          <button key={format} type="button" disabled={busy || scopeCount === 0} onClick={() => onExport(format)}>
            {label}
          </button>
        ))}
      </div>
      <div class="import-row">
        <label class="file-button">
          Import backup
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json,application/ld+json"
            disabled={busy}
            onChange={(event) => {
              const file = (event.currentTarget as HTMLInputElement).files?.[0];
              if (file) onImport(file);
              if (fileInput.current) fileInput.current.value = '';
            }}
          />
        </label>
        <p class="muted">A JSON backup from Gloss merges in: nothing is duplicated, and newer edits win.</p>
      </div>
    </section>
  );
}
