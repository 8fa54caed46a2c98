import { render } from 'preact';
import { PopupApp, type PopupServices } from '@/components/popup-app';
import { entityServicesFor } from '@/extension/popup/entity-services';
import { prefetchFirstAnalysis } from '@/extension/popup/first-analysis';
import { exportServicesFor } from '@/extension/popup/export-services';
import { highlightServicesFor } from '@/extension/popup/highlight-services';
import { sitePauseServices } from '@/extension/popup/site-pause-services';
import { sendRequest } from '@/extension/send-request';
import { tabIdFromSearch } from '@/lib/popup/target-tab';
import '@/assets/theme.css';
import './style.css';

const firstAnalysis = prefetchFirstAnalysis(
  async () => {
    const requested = tabIdFromSearch(location.search);
    if (requested !== null) return requested;
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id ?? null;
  },
  (tabId) => sendRequest({ type: 'analyze-tab', tabId }),
  (tabId) => sendRequest({ type: 'tab-site-pause', tabId }),
);

const services: PopupServices = {
  resolveTabId: firstAnalysis.resolveTabId,
  analyzeTab: firstAnalysis.analyzeTab,
  sitePause: sitePauseServices(firstAnalysis.sitePauseStatus),
  async scrollToHeading(tabId, item) {
    const { found } = await sendRequest({ type: 'scroll-to-heading', tabId, target: item });
    return found;
  },
  highlightsFor: highlightServicesFor,
  entitiesFor: entityServicesFor,
  exportsFor: exportServicesFor,
};

render(<PopupApp services={services} />, document.getElementById('app')!);
