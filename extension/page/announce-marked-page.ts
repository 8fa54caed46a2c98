import { browser } from 'wxt/browser';
import { isMarkedAddress, MARKED_PAGE_LOADED } from '../e2e-marks';

/**
 * E2E builds only: a marked page tells the background it has loaded, a second way to the hooks besides
 * `tabs.onUpdated`, which Firefox now and then did not deliver for one (extension/background/e2e-hooks.ts).
 */
export function announceMarkedPage(): void {
  if (isMarkedAddress(location.href)) void browser.runtime.sendMessage({ type: MARKED_PAGE_LOADED }).catch(() => undefined);
}
