/**
 * Why a sync did not happen, in plain words for the status line. A sync that fails with one of these has
 * changed nothing on this device; what it would have sent stays queued for the next one.
 */
export type SyncProblemCode =
  | 'not-set-up'
  | 'bad-address'
  | 'wrong-password'
  | 'forbidden'
  | 'not-found'
  | 'server-full'
  | 'timeout'
  | 'redirect'
  | 'offline'
  | 'not-webdav'
  | 'server-error'
  | 'wrong-passphrase'
  | 'newer-format'
  | 'damaged'
  | 'changed-meanwhile';

export class SyncProblem extends Error {
  override name = 'SyncProblem';
  constructor(
    readonly code: SyncProblemCode,
    message: string,
  ) {
    super(message);
  }
}

export const isSyncProblem = (error: unknown): error is SyncProblem => error instanceof SyncProblem;

/** Problems worth trying again soon (the next attempt may work without the person doing anything). */
export function isPassing(code: SyncProblemCode): boolean {
  return code === 'timeout' || code === 'offline' || code === 'server-error' || code === 'changed-meanwhile';
}
