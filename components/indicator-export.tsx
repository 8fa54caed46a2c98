import { useState } from 'preact/hooks';
import type { IndicatorFanging, IndicatorListFormat } from '@/lib/export/indicator-list';
import type { EntityServices } from './popup-services';

let exportCount = 0;

/**
 * The page's indicators in one step: copy or download them, defanged (safe to paste where links turn
 * clickable) or refanged (as tools read them), as text or CSV, each with its type and its sentence.
 */
export function IndicatorExport({ services, count }: { services: EntityServices; count: number }) {
  const [id] = useState(() => `indicator-export-${++exportCount}`);
  const [fanging, setFanging] = useState<IndicatorFanging>('defanged');
  const [format, setFormat] = useState<IndicatorListFormat>('csv');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);

  const run = async (copy: boolean) => {
    setBusy(true);
    setStatus(null);
    try {
      const result = await services.exportIndicators(format, fanging);
      if (!result.ok) return setStatus({ text: result.message, problem: true });
      const what = `${count} ${count === 1 ? 'indicator' : 'indicators'}, ${fanging}`;
      if (copy) {
        const copied = await services.copy(result.text);
        setStatus(
          copied
            ? { text: `Copied ${what}.`, problem: false }
            : { text: 'The browser did not allow copying. Use Download indicators instead.', problem: true },
        );
      } else {
        services.save({ fileName: result.fileName, mimeType: result.mimeType, data: result.text });
        setStatus({ text: `Saved ${result.fileName} (${what}).`, problem: false });
      }
    } catch (error) {
      setStatus({ text: `Gloss couldn’t list the indicators: ${error instanceof Error ? error.message : String(error)}`, problem: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="indicator-export" role="group" aria-label="Export indicators">
      <label for={`${id}-fanging`}>Indicators as</label>
      <select id={`${id}-fanging`} value={fanging} onChange={(e) => setFanging(e.currentTarget.value as IndicatorFanging)}>
        <option value="defanged">Defanged (evil[.]com)</option>
        <option value="refanged">Refanged (evil.com)</option>
      </select>
      <label for={`${id}-format`} class="visually-hidden">
        File format
      </label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.currentTarget.value as IndicatorListFormat)}>
        <option value="csv">CSV</option>
        <option value="text">Text</option>
      </select>
      <button type="button" disabled={busy} onClick={() => void run(true)}>
        Copy indicators
      </button>
      <button type="button" disabled={busy} onClick={() => void run(false)}>
        Download indicators
      </button>
      {status && (
        <p class={status.problem ? 'scroll-note' : 'done-note'} role="status">
          {status.text}
        </p>
      )}
    </div>
  );
}
