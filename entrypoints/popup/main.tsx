import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup-app';
import { prefetchFirstAnalysis } from '@/extension/popup/first-analysis';
import { readerServices } from '@/extension/popup/reader-services';
import { canOpenSidePanel, openSidePanel } from '@/extension/side-panel/open-side-panel';
import { sendRequest } from '@/extension/send-request';
import { tabIdFromSearch } from '@/lib/popup/target-tab';
import '@/assets/theme.css';
import '@/assets/highlight-edit.css';
import './style.css';

const requestedTab = tabIdFromSearch(location.search);
const firstAnalysis = prefetchFirstAnalysis(
  async () => {
    if (requestedTab !== null) return requestedTab;
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id ?? null;
  },
  (tabId) => sendRequest({ type: 'analyze-tab', tabId }),
  (tabId) => sendRequest({ type: 'tab-site-pause', tabId }),
);

// Known before any click: opening the side panel must happen in the click's own handler.
let windowId: number | null = null;
void browser.windows.getCurrent().then(
  (current) => {
    windowId = current.id ?? null;
  },
  () => undefined,
);

const services = readerServices({
  resolveTabId: firstAnalysis.resolveTabId,
  analyzeTab: firstAnalysis.analyzeTab,
  sitePauseStatus: firstAnalysis.sitePauseStatus,
  closeOnLibrary: true,
  openSidePanel: canOpenSidePanel()
    ? () => {
        void openSidePanel(windowId).then(
          // The real popup steps aside for the panel; a popup opened as a tab for another tab stays.
          () => {
            if (requestedTab === null) window.close();
          },
          (error: unknown) => console.warn('Gloss could not open its side panel:', error),
        );
      }
    : undefined,
});

render(<PopupApp services={services} />, document.getElementById('app')!);
