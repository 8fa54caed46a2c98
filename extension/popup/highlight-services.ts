import { browser, type Browser } from 'wxt/browser';
import type { HighlightServices } from '@/components/popup-services';
import { isContentScriptOfTab, isFromExtension, isPdfViewerOfTab } from '../background/callers';
import { sendRequest } from '../send-request';

/** The popup's and side panel's view of one tab's highlights, through the background. */
export function highlightServicesFor(tabId: number): HighlightServices {
  return {
    load: () => sendRequest({ type: 'tab-highlights', tabId }),
    scrollTo: async (id) => (await sendRequest({ type: 'scroll-to-highlight', tabId, id })).found,
    // The background stores the change and tells every tab showing the page to repaint.
    update: (id, changes) => sendRequest({ type: 'update-annotation', id, changes }),
    remove: async (id) => void (await sendRequest({ type: 'delete-annotation', id })),
    restore: async (record) => void (await sendRequest({ type: 'restore-annotation', record })),
    reattach: (id) => sendRequest({ type: 'reattach-highlight', tabId, id }),
    subscribe(onChange) {
      const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
        const type = (message as { type?: unknown } | null)?.type;
        // Stored changes come from the background (Gloss itself, never a page); placement changes come
        // from this tab's own content script (top frame), or from Gloss's PDF viewer when the tab shows it.
        if (type === 'annotations-changed' && isFromExtension(sender)) onChange();
        else if (type === 'highlights-placed' && (isContentScriptOfTab(sender, tabId) || isPdfViewerOfTab(sender, tabId))) onChange();
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  };
}
