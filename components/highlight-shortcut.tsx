import { useEffect, useState } from 'preact/hooks';
import type { ShortcutServices } from './shortcut-services';

/** Where Firefox keeps extension shortcuts, for a Firefox that cannot open the page itself. */
export const FIREFOX_SHORTCUTS_PATH = 'about:addons → gear menu → Manage Extension Shortcuts';

/** The highlight shortcut's keys as the browser has them: "…" while asked, "no shortcut set" when none. */
export function useHighlightShortcut(services: ShortcutServices): string {
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    services.shortcut().then(setShortcut, () => setShortcut(null));
  }, [services]);
  return shortcut === undefined ? '…' : (shortcut ?? 'no shortcut set');
}

/** The keys, drawn as keys, named for screen readers as a shortcut. */
export function ShortcutKeys({ keys }: { keys: string }) {
  return <kbd aria-label={`Shortcut: ${keys}`}>{keys}</kbd>;
}

/**
 * "Change the shortcut": opens the browser's shortcut settings; where the browser cannot be asked to,
 * says where they are.
 */
export function ChangeShortcutButton({ services }: { services: ShortcutServices }) {
  const [where, setWhere] = useState<string | null>(null);
  const open = async () => {
    const opened = await services.openShortcutSettings().catch(() => false);
    setWhere(opened ? null : `Change it in ${FIREFOX_SHORTCUTS_PATH}.`);
  };
  return (
    <>
      <button type="button" onClick={() => void open()}>
        Change the shortcut
      </button>
      <span class="shortcut-where" role="status">
        {where}
      </span>
    </>
  );
}
