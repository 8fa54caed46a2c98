/** What the Sync region shows: the account (never its secrets) and how the last sync went. */
export interface SyncStatus {
  state: 'off' | 'syncing' | 'synced' | 'problem';
  /** When the last sync finished (ms since 1970), or null. */
  at: number | null;
  /** Plain words: what went wrong, or what the last sync did. */
  message: string;
}

export interface SyncView {
  serverUrl: string;
  user: string;
  hasPassword: boolean;
  hasPassphrase: boolean;
  enabled: boolean;
  status: SyncStatus;
}

/** What the person typed in the Sync region; an empty password or passphrase keeps the stored one. */
export interface SyncSetup {
  serverUrl: string;
  user: string;
  password: string;
  passphrase: string;
}

/** The status line: "Synced at 14:02" or the problem. */
export function describeStatus(status: SyncStatus, formatTime: (at: number) => string): string {
  if (status.state === 'synced' && status.at !== null) return `Synced at ${formatTime(status.at)}. ${status.message}`.trim();
  if (status.state === 'syncing') return 'Syncing…';
  if (status.state === 'off') return status.message || 'Sync is off.';
  return status.message;
}
