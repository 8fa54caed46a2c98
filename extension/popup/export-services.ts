import { browser } from 'wxt/browser';
import type { ExportServices } from '@/components/export-bar';
import { copyText, saveFile } from '../files/save-file';
import { sendRequest } from '../send-request';

/** The popup's exports of one tab's page, made by the background from what is saved. */
export function exportServicesFor(tabId: number): ExportServices {
  return {
    exportPage: (format) => sendRequest({ type: 'export-page', tabId, format }),
    save: (file) => saveFile(file),
    copy: copyText,
    async openLibrary() {
      await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
      window.close();
    },
  };
}
