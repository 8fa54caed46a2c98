import { browser } from 'wxt/browser';

/**
 * Firefox's data-collection consent. Sync sends the person's pages and highlights (addresses, quotes,
 * notes), encrypted, to the WebDAV server they chose; Firefox counts that as transmitting browsing activity
 * and website content, so the manifest declares both as optional and Gloss asks when sync is set up.
 * Chrome has no such consent: sending is allowed there once the person sets sync up.
 */
export const SYNC_DATA_COLLECTION = ['browsingActivity', 'websiteContent'] as const;

/** What the permissions API takes in Firefox; WXT's types do not know `data_collection` yet. */
type DataCollectionPermissions = { data_collection: string[] };
type PermissionsApi = {
  contains: (permissions: DataCollectionPermissions) => Promise<boolean>;
  request: (permissions: DataCollectionPermissions) => Promise<boolean>;
};

const permissions = () => browser.permissions as unknown as PermissionsApi;
const wanted = (): DataCollectionPermissions => ({ data_collection: [...SYNC_DATA_COLLECTION] });

/** Whether Gloss may send data to the sync server (always in Chrome). */
export async function maySend(isFirefox = import.meta.env.FIREFOX): Promise<boolean> {
  if (!isFirefox) return true;
  return permissions()
    .contains(wanted())
    .catch(() => false);
}

/**
 * Asks Firefox for the consent. Call it straight from the click that sets sync up, before anything is
 * awaited: Firefox shows its prompt only during a user's gesture.
 */
export function askToSend(isFirefox = import.meta.env.FIREFOX): Promise<boolean> {
  if (!isFirefox) return Promise.resolve(true);
  return permissions()
    .request(wanted())
    .catch(() => false);
}

export const NO_CONSENT_MESSAGE =
  'Firefox has not allowed Gloss to send data, so nothing was synced. Press “Sync now” and allow it: what Gloss sends stays encrypted with your passphrase.';
