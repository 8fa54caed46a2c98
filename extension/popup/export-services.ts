import type { ExportServices } from '@/components/popup-services';
import { copyText, saveFile } from '../files/save-file';
import { openLibrary } from '../library/library-channel';
import { sendRequest } from '../send-request';

/**
 * The popup's (and side panel's) exports of one tab's page, made by the background from what is saved.
 * The popup closes once it has opened the library; the side panel stays.
 */
export function exportServicesFor(tabId: number, { closeOnLibrary = true } = {}): ExportServices {
  return {
    exportPage: (format) => sendRequest({ type: 'export-page', tabId, format }),
    save: (file) => saveFile(file),
    copy: copyText,
    async openLibrary() {
      // The library tab already open comes forward; else a new one opens.
      await openLibrary();
      if (closeOnLibrary) window.close();
    },
  };
}
