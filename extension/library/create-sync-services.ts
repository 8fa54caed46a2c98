import { browser, type Browser } from 'wxt/browser';
import type { SyncServices } from '@/components/library/sync-services';
import type { SyncStatus } from '@/lib/sync/sync-status';
import { isBroadcast } from '../broadcasts';
import { sendRequest } from '../send-request';
import { askToSend } from '../sync/send-consent';

/** The Sync region's services: every step is the background's (only extension pages may ask). */
export function createSyncServices(): SyncServices {
  return {
    view: () => sendRequest({ type: 'sync-view' }),
    askToSend: () => askToSend(),
    setUp: (setup) => sendRequest({ type: 'sync-set-up', setup }),
    turnOff: () => sendRequest({ type: 'sync-off' }),
    forget: () => sendRequest({ type: 'sync-forget' }),
    startOver: () => sendRequest({ type: 'sync-start-over' }),
    subscribe(onStatus) {
      const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
        if (isBroadcast(message, sender, 'sync-status-changed')) onStatus((message as { status: SyncStatus }).status);
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  };
}
