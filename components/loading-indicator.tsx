import { useEffect, useState } from 'preact/hooks';

/** Shown only when reading takes long enough to notice, so quick pages don't flicker. */
export function LoadingIndicator({ delayMs = 150, label = 'Reading the article…' }: { delayMs?: number; label?: string }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return (
    <div class="loading" role="status" aria-live="polite" aria-busy="true">
      {visible && (
        <>
          <span class="spinner" aria-hidden="true" />
          <span>{label}</span>
        </>
      )}
    </div>
  );
}
