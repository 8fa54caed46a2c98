import { browser, type Browser } from 'wxt/browser';
import type { EntityServices } from '@/components/popup-services';
import type { EntityRef, GlossBroadcast, PageDetailsMessage } from '@/lib/messaging/contract';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { isBroadcast } from '../broadcasts';
import { copyText, saveFile } from '../files/save-file';
import { sendRequest } from '../send-request';

/** The popup's view of one tab's entities, through the background. */
export function entityServicesFor(tabId: number, page: PageDetailsMessage): EntityServices {
  // Only the fields the background needs: the page's text stays out of messages it doesn't need.
  const ref = ({ kind, name, canonical }: EntityRef): EntityRef => ({ kind, name, canonical });
  return {
    refresh: () => sendRequest({ type: 'tab-entities', tabId }),
    details: (entity) =>
      sendRequest({
        type: 'entity-details',
        entity: {
          ...ref(entity),
          aliases: entity.aliases,
          ...(entity.attackId && { attackId: entity.attackId }),
          ...(entity.candidates && { candidates: entity.candidates }),
          ...(entity.foundBy && { foundBy: entity.foundBy }),
          ...(entity.indicatorType && { indicatorType: entity.indicatorType }),
          ...(entity.ambiguous && { ambiguous: entity.ambiguous.map(({ name, pick }) => ({ name, pick })) }),
        },
      }),
    tag: (entity, verdict) => sendRequest({ type: 'tag-entity', tabId, entity: ref(entity), verdict, page }),
    addActor: (actor) => sendRequest({ type: 'add-actor', tabId, actor, page }),
    pickAlias: (name, actor, scope) => sendRequest({ type: 'pick-alias', tabId, name, actor, scope, page }),
    tagSelection: (kind, text) => sendRequest({ type: 'tag-selection', tabId, kind, text, page }),
    suggest: (query) => sendRequest({ type: 'suggest-actors', query }),
    selection: async () => (await sendRequest({ type: 'tab-selection', tabId })).text,
    mark: async (marks, focus) => (await sendRequest({ type: 'mark-entities', tabId, marks, focus })).located,
    focus: async (index) => (await sendRequest({ type: 'focus-entity-mark', tabId, index })).found,
    clearMarks: async () => void (await sendRequest({ type: 'clear-entity-marks', tabId })),
    marksShown: async () => (await sendRequest({ type: 'entity-marks-shown', tabId })).shown,
    pagesForActor: (name) => sendRequest({ type: 'pages-for-actor', name }),
    exportIndicators: (format, fanging) => sendRequest({ type: 'export-indicators', tabId, format, fanging, page }),
    save: (file) => saveFile(file),
    copy: copyText,
    subscribe(onChange) {
      const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
        if (!isBroadcast(message, sender, 'entities-changed')) return;
        const { pageUrls } = message as GlossBroadcast<'entities-changed'>;
        if (pageUrls === null) return onChange();
        // A change on one page concerns the views of that page: the tab's address says which page it shows
        // (a tab whose address names no web page, such as Gloss's PDF viewer, refreshes to be safe).
        browser.tabs.get(tabId).then(
          (tab) => {
            const pageUrl = tab.url ? normalizePageUrl(tab.url) : null;
            if (pageUrl === null || pageUrls.includes(pageUrl)) onChange();
          },
          () => undefined,
        );
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  };
}
