/**
 * Sync in the background: the account, one sync at a time, automatic syncs (a few seconds after a local
 * change, and every few minutes by alarm), and what the Sync region is told.
 *
 * The account (server address, user name, password and passphrase) is kept in the background's database,
 * which no web page can read; it is not encrypted there (see README, "Sync"). The key derived from the
 * passphrase is kept in memory only.
 */
import { browser } from 'wxt/browser';
import { glossDatabase } from '@/extension/background/database';
import { announceChanges, announceEntityChanges } from '@/extension/background/announce-change';
import { invalidateEntityScanner } from '@/extension/background/entity-scanner';
import { KEY_FILE, makeKeyFile, unlockKeyFile } from '@/lib/sync/sync-crypto';
import { syncOnce, type SyncOutcome } from '@/lib/sync/sync-engine';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { isPassing, SyncProblem } from '@/lib/sync/sync-problem';
import type { SyncSetup, SyncStatus, SyncView } from '@/lib/sync/sync-status';
import { DexieReplica } from './dexie-replica';
import { maySend, NO_CONSENT_MESSAGE } from './send-consent';
import { folderUrl, WebdavFolder, type WebdavAccount } from './webdav-folder';

interface StoredAccount extends WebdavAccount {
  passphrase: string;
  enabled: boolean;
}

const ACCOUNT = 'account';
const STATUS = 'status';
const SOON_ALARM = 'gloss-sync-soon';
const PERIODIC_ALARM = 'gloss-sync-periodic';
const PERIOD_MINUTES = 5;
const SOON_MS = 3_000;

let replica: DexieReplica | null = null;
let running: Promise<SyncStatus> | null = null;
let again = false;
let soonTimer: ReturnType<typeof setTimeout> | null = null;
let cachedKey: { id: string; key: CryptoKey; syncId: string } | null = null;
/** Whether sync is on, kept in memory: the hooks that report changes run inside database transactions. */
let enabled = false;

function theReplica(): DexieReplica {
  if (!replica) {
    replica = new DexieReplica(glossDatabase());
    replica.onLocalChange(() => {
      if (enabled) scheduleSoon();
    });
  }
  return replica;
}

async function loadAccount(): Promise<StoredAccount | null> {
  return ((await glossDatabase().syncState.get(ACCOUNT))?.value as StoredAccount | undefined) ?? null;
}

async function saveStatus(status: SyncStatus): Promise<SyncStatus> {
  await glossDatabase().syncState.put({ key: STATUS, value: status });
  browser.runtime.sendMessage({ type: 'sync-status-changed', status }).catch(() => undefined);
  return status;
}

async function loadStatus(): Promise<SyncStatus> {
  return (
    ((await glossDatabase().syncState.get(STATUS))?.value as SyncStatus | undefined) ?? {
      state: 'off',
      at: null,
      message: 'Sync is not set up.',
    }
  );
}

export async function syncView(): Promise<SyncView> {
  const account = await loadAccount();
  return {
    serverUrl: account?.serverUrl ?? '',
    user: account?.user ?? '',
    hasPassword: Boolean(account?.password),
    hasPassphrase: Boolean(account?.passphrase),
    enabled: account?.enabled ?? false,
    status: await loadStatus(),
  };
}

/** The sync folder's key: unlocked from its key file, or a new key file when the folder has none. */
async function unlock(folder: WebdavFolder, passphrase: string): Promise<{ key: CryptoKey; syncId: string }> {
  let bytes: Uint8Array;
  try {
    bytes = (await folder.get(KEY_FILE)).bytes;
  } catch (error) {
    if (!(error instanceof SyncProblem && error.code === 'not-found')) throw error;
    const made = await makeKeyFile(passphrase);
    try {
      await folder.put(KEY_FILE, new TextEncoder().encode(made.text), { ifNoneMatch: '*' });
      cachedKey = { id: `${passphrase}\n${made.text}`, key: made.key, syncId: made.syncId };
      return made;
    } catch (putError) {
      // Another device set the folder up at the same moment: use its key file.
      if (!(putError instanceof SyncProblem && putError.code === 'changed-meanwhile')) throw putError;
      bytes = (await folder.get(KEY_FILE)).bytes;
    }
  }
  const id = `${passphrase}\n${new TextDecoder().decode(bytes)}`;
  if (cachedKey?.id === id) return cachedKey;
  const unlocked = await unlockKeyFile(bytes, passphrase);
  cachedKey = { id, ...unlocked };
  return unlocked;
}

function describeOutcome(outcome: SyncOutcome): string {
  const parts: string[] = [];
  if (outcome.sent > 0) parts.push(`sent ${outcome.sent.toLocaleString('en-US')} change${outcome.sent === 1 ? '' : 's'}`);
  if (outcome.written.length > 0) parts.push(`received ${outcome.written.length.toLocaleString('en-US')}`);
  if (outcome.refused > 0) parts.push(`${outcome.refused} record${outcome.refused === 1 ? '' : 's'} from another device could not be kept`);
  return parts.length > 0 ? `${parts.join(', ').replace(/^./, (c) => c.toUpperCase())}.` : 'Nothing new.';
}

/** Tells open tabs and views about records that remote changes wrote. */
async function announce(outcome: SyncOutcome): Promise<void> {
  const pageUrls = new Set<string>();
  let actorsChanged = false;
  for (const write of outcome.written) {
    if (write.table === 'pages') pageUrls.add(write.key);
    else if (write.table === 'annotations' || write.table === 'entityTags' || write.table === 'aliasPicks') {
      const url = write.record?.pageUrl;
      if (typeof url === 'string') pageUrls.add(url);
      else if (write.table === 'entityTags') pageUrls.add(write.key.split('\n')[0]);
    }
    if (write.table === 'actors' || write.table === 'entityTags') actorsChanged = true;
  }
  // A deleted highlight names no page any more: every open tab with highlights re-reads its own.
  const deletedHighlights = outcome.written.some((write) => write.table === 'annotations' && write.record === null);
  if (actorsChanged) invalidateEntityScanner();
  // Verdicts, actors and picks from another device show in open popups, side panels and the library.
  if (outcome.written.some((write) => write.table === 'entityTags' || write.table === 'actors' || write.table === 'aliasPicks')) {
    announceEntityChanges(null);
  }
  if (deletedHighlights) {
    const tabs = await browser.tabs.query({});
    for (const tab of tabs) {
      const url = tab.url ? normalizePageUrl(tab.url) : null;
      if (url) pageUrls.add(url);
    }
  }
  await announceChanges([...pageUrls]);
}

async function syncWith(account: StoredAccount, options: { startOver?: boolean } = {}): Promise<SyncStatus> {
  await saveStatus({ ...(await loadStatus()), state: 'syncing' });
  try {
    const folder = new WebdavFolder(account);
    await folder.ensure();
    if (options.startOver) {
      await folder.clear();
      cachedKey = null;
    }
    const { key, syncId } = await unlock(folder, account.passphrase);
    const outcome = await syncOnce(folder, theReplica(), { key, syncId, compactNow: options.startOver });
    await announce(outcome);
    return saveStatus({ state: 'synced', at: Date.now(), message: describeOutcome(outcome) });
  } catch (error) {
    const problem =
      error instanceof SyncProblem
        ? error
        : new SyncProblem('server-error', `Sync failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof SyncProblem)) console.warn('Gloss sync failed:', error instanceof Error ? error.stack : error);
    if (isPassing(problem.code)) scheduleSoon(60_000);
    return saveStatus({ state: 'problem', at: (await loadStatus()).at, message: problem.message });
  }
}

/**
 * Runs a sync now. An automatic sync joins the one running (and one more runs after it, for changes made
 * meanwhile); a sync the person asked for (`fresh`) waits for the running one and then runs its own, so
 * what they changed just before pressing "Sync now" goes out in it.
 */
export async function runSync(options: { startOver?: boolean; fresh?: boolean } = {}): Promise<SyncStatus> {
  if (options.fresh || options.startOver) {
    while (running) await running.catch(() => undefined);
  } else if (running) {
    again = true;
    return running;
  }
  return startSync(options);
}

function startSync(options: { startOver?: boolean }): Promise<SyncStatus> {
  // This sync covers what the backstop alarm was set for.
  void browser.alarms?.clear(SOON_ALARM);
  running = (async () => {
    try {
      const account = await loadAccount();
      enabled = account?.enabled ?? false;
      if (!account || !account.enabled)
        return saveStatus({ state: 'off', at: null, message: account ? 'Sync is off.' : 'Sync is not set up.' });
      if (!account.serverUrl || !account.user || !account.password || !account.passphrase) {
        return saveStatus({
          state: 'problem',
          at: null,
          message: 'Fill in the server address, user name, password and passphrase to sync.',
        });
      }
      // The consent can be withdrawn at any time in Firefox's add-on manager: check before each sync.
      if (!(await maySend())) return saveStatus({ state: 'problem', at: (await loadStatus()).at, message: NO_CONSENT_MESSAGE });
      return await syncWith(account, options);
    } finally {
      running = null;
      if (again) {
        again = false;
        scheduleSoon();
      }
    }
  })();
  return running;
}

function scheduleSoon(ms = SOON_MS): void {
  if (soonTimer) clearTimeout(soonTimer);
  soonTimer = setTimeout(() => {
    soonTimer = null;
    void loadAccount().then((account) => (account?.enabled ? runSync() : undefined));
  }, ms);
  // A backstop should the background sleep before the timer fires.
  browser.alarms?.create(SOON_ALARM, { delayInMinutes: Math.max(0.5, ms / 60_000) });
}

/** Saves what the person typed and syncs; an empty password or passphrase keeps the stored one. */
export async function setUpSync(setup: SyncSetup): Promise<SyncStatus> {
  try {
    folderUrl(setup.serverUrl);
  } catch (error) {
    return saveStatus({ state: 'problem', at: null, message: (error as Error).message });
  }
  const stored = await loadAccount();
  const account: StoredAccount = {
    serverUrl: setup.serverUrl.trim(),
    user: setup.user.trim(),
    password: setup.password || stored?.password || '',
    passphrase: setup.passphrase || stored?.passphrase || '',
    enabled: true,
  };
  if (stored && stored.passphrase !== account.passphrase) cachedKey = null;
  await glossDatabase().syncState.put({ key: ACCOUNT, value: account });
  enabled = true;
  await browser.alarms?.create(PERIODIC_ALARM, { periodInMinutes: PERIOD_MINUTES });
  return runSync({ fresh: true });
}

export async function turnSyncOff(): Promise<SyncStatus> {
  const account = await loadAccount();
  if (account) await glossDatabase().syncState.put({ key: ACCOUNT, value: { ...account, enabled: false } });
  enabled = false;
  await browser.alarms?.clear(PERIODIC_ALARM);
  await browser.alarms?.clear(SOON_ALARM);
  return saveStatus({ state: 'off', at: null, message: 'Sync is off. Nothing is sent until you sync again.' });
}

/** Deletes the account (and the key in memory); the highlights and what was synced stay. */
export async function forgetSync(): Promise<SyncStatus> {
  await glossDatabase().syncState.delete(ACCOUNT);
  enabled = false;
  cachedKey = null;
  await browser.alarms?.clear(PERIODIC_ALARM);
  await browser.alarms?.clear(SOON_ALARM);
  return saveStatus({
    state: 'off',
    at: null,
    message: 'The server address, user name, password and passphrase are forgotten on this device.',
  });
}

/** The library page wrote the database (import, tag rename): the next sync compares every record, soon. */
export function noteChangesElsewhere(): void {
  theReplica().markAllChanged();
  if (enabled) scheduleSoon();
}

/** Empties the sync folder and fills it again from this device, under a new key file. */
export async function startSyncOver(): Promise<SyncStatus> {
  return runSync({ startOver: true });
}

/** A sync the person asked for ("Sync now"): after the running one, if any. */
export const syncNow = (): Promise<SyncStatus> => runSync({ fresh: true });

export function installSync(): void {
  theReplica();
  void loadAccount().then((account) => {
    enabled = account?.enabled ?? false;
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_ALARM || alarm.name === SOON_ALARM) void runSync();
  });
}
