import { browser } from 'wxt/browser';
import { prefetchFirstAnalysis } from '@/extension/popup/first-analysis';
import { sendRequest } from '@/extension/send-request';
import { tabIdFromSearch } from '@/lib/popup/target-tab';
import '@/assets/theme.css';
import '@/assets/highlight-edit.css';
import '@/assets/note-markdown.css';
import './style.css';

// The popup's first requests leave before its view's code is loaded and run: the background reads the
// page meanwhile. Loaded with the view (Preact and every component), they left only once all of it had
// been fetched, compiled and run, a third of a cold popup's wait for its entities.
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

import('./popup-view').then(
  ({ showPopup }) => showPopup(firstAnalysis, requestedTab),
  (error: unknown) => {
    // Its code can be missing only when the extension was updated or removed under an open popup.
    console.error('Gloss could not load its popup:', error);
    const app = document.getElementById('app')!;
    app.textContent = 'Gloss could not load its popup. Close it and open it again; if that does not help, reload the extension.';
    app.setAttribute('role', 'alert');
  },
);
