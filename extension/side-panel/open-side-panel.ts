import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open: (options: { windowId: number }) => Promise<void>;
}
interface FirefoxSidebarAction {
  open: () => Promise<void>;
}

const sidePanel = (): ChromeSidePanel | undefined => (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
const sidebarAction = (): FirefoxSidebarAction | undefined =>
  (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;

/** Whether this browser has a side panel Gloss can open (Chrome's sidePanel, Firefox's sidebar). */
export function canOpenSidePanel(): boolean {
  return sidePanel() !== undefined || sidebarAction() !== undefined;
}

/**
 * Opens Gloss's side panel in window `windowId`. Both browsers allow it only while handling a person's
 * gesture, so this must be called straight from the click's handler, with the window already known.
 */
export function openSidePanel(windowId: number | null): Promise<void> {
  const chromePanel = sidePanel();
  if (chromePanel && windowId !== null) return chromePanel.open({ windowId });
  const firefoxSidebar = sidebarAction();
  if (firefoxSidebar) return firefoxSidebar.open();
  return Promise.reject(new Error('This browser has no side panel for Gloss.'));
}
