import type { SyncSetup, SyncStatus, SyncView } from '@/lib/sync/sync-status';

/** What the Sync region needs from the extension; tests give it fakes. */
export interface SyncServices {
  view: () => Promise<SyncView>;
  /**
   * Asks the browser to let Gloss send data (Firefox's data-collection consent; Chrome answers yes).
   * Called synchronously from the "Sync now" click, as Firefox prompts only during a gesture.
   */
  askToSend: () => Promise<boolean>;
  setUp: (setup: SyncSetup) => Promise<SyncStatus>;
  turnOff: () => Promise<SyncStatus>;
  forget: () => Promise<SyncStatus>;
  startOver: () => Promise<SyncStatus>;
  /** Calls back with each new status the background announces; returns the unsubscribe function. */
  subscribe: (onStatus: (status: SyncStatus) => void) => () => void;
}
