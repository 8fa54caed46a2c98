import { browser, type Browser } from 'wxt/browser';
import type { PanelTarget } from '@/lib/popup/target-tab';

/**
 * Calls `onTab` with the tab the side panel should show, at once and again whenever that changes: another
 * tab of the window comes to the front, or the shown tab loads a new page (a full load, or a single-page
 * app's new address once loaded), so the panel reads it afresh. A panel belongs to one window (Chrome's
 * side panel and Firefox's sidebar both live in a window of their own), so activations in other windows
 * are not its business. Returns the function that stops following.
 */
export function followTab(target: PanelTarget, onTab: (tabId: number | null) => void): () => void {
  let current: number | null = null;
  let windowId: number | null = null;
  let stopped = false;
  const show = (tabId: number | null) => {
    if (stopped) return;
    current = tabId;
    onTab(tabId);
  };

  const onActivated = ({ tabId, windowId: where }: Browser.tabs.OnActivatedInfo) => {
    if (target.follow !== 'tab' && where === windowId) show(tabId);
  };
  const onUpdated = (tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
    if (tabId !== current) return;
    if (change.status === 'complete' || (change.url !== undefined && tab.status === 'complete')) show(tabId);
  };
  const onRemoved = (tabId: number) => {
    if (target.follow === 'tab' && tabId === current) show(null);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);

  const start = async () => {
    if (target.follow === 'tab') return show(target.tabId);
    windowId = target.follow === 'window' ? target.windowId : ((await browser.windows.getCurrent()).id ?? null);
    const [active] = windowId === null ? [] : await browser.tabs.query({ active: true, windowId });
    show(active?.id ?? null);
  };
  start().catch(() => show(null));

  return () => {
    stopped = true;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
  };
}
