import type { SitePauseServices, SitePauseStatus } from '@/components/popup-services';
import { sendRequest } from '../send-request';

/** "Pause Gloss on this site" for the popup, through the background, which keeps the setting. */
export function sitePauseServices(
  status: (tabId: number) => Promise<SitePauseStatus> = (tabId) => sendRequest({ type: 'tab-site-pause', tabId }),
): SitePauseServices {
  return {
    status,
    async setPaused(site, paused) {
      const result = await sendRequest({ type: 'set-site-paused', site, paused });
      if (!result.ok) throw new Error(result.message ?? 'the background refused.');
    },
  };
}
