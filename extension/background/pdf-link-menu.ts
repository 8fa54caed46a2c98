import { browser, type Browser } from 'wxt/browser';
import { viewerUrlFor } from '../pdf/open-in-viewer';

export const PDF_LINK_MENU_ID = 'gloss-open-pdf-link';

/** Links whose address ends in .pdf (the one hint a link gives before it is followed), with or without a query. */
const PDF_LINK_PATTERNS = ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*', '*://*/*.PDF?*', '*://*/*.pdf#*'];

/** "Open PDF in Gloss" on links to PDFs. */
export function createPdfLinkMenu(): void {
  browser.contextMenus.create({
    id: PDF_LINK_MENU_ID,
    title: 'Open PDF in Gloss',
    contexts: ['link'],
    targetUrlPatterns: PDF_LINK_PATTERNS,
  });
}

/** Opens the link's PDF in Gloss's viewer in a new tab beside the one it was in. */
export function openPdfLink(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): void {
  if (!info.linkUrl || !/^https?:/i.test(info.linkUrl)) return;
  void browser.tabs.create({
    url: viewerUrlFor(info.linkUrl),
    ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
    ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
  });
}
