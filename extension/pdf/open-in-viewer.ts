import { browser } from 'wxt/browser';
import { viewerSearchFor } from '@/lib/pdf-viewer/viewer-address';

/** Gloss's viewer for the PDF at `fileUrl`: `pdf.html?file=<url>`. */
export function viewerUrlFor(fileUrl: string): string {
  return `${browser.runtime.getURL('/pdf.html')}${viewerSearchFor(fileUrl)}`;
}

/** Shows the PDF this tab shows in Gloss's viewer instead, in the same tab. */
export async function openPdfInTab(tabId: number, fileUrl: string): Promise<void> {
  await browser.tabs.update(tabId, { url: viewerUrlFor(fileUrl) });
}
