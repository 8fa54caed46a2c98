/**
 * The viewer's port to the background (lib/messaging/pdf-viewer-port.ts): what it read goes there, and the
 * popup's and side panel's requests about its tab come back as calls. A background that was stopped loses
 * the port; it asks for the viewer again (`pdf-viewer-wanted`) when someone wants this tab, and the viewer
 * then reconnects and reports again, so an idle viewer does not keep the background running.
 */
import { browser, type Browser } from 'wxt/browser';
import type { PdfTabHandlers, PdfTabLink, PdfTabServices } from '@/components/pdf/pdf-tab-services';
import { isPdfViewerCall, PDF_VIEWER_PORT, type PdfPlace, type PdfViewerCall, type PdfViewerReport } from '@/lib/messaging/pdf-viewer-port';
import type { EntityMark } from '@/lib/messaging/contract';
import { isBroadcast } from '../broadcasts';
import { PdfEntityMarks } from './pdf-entity-marks';
import { PdfPlaceMarks } from './pdf-place-marks';

function run(handlers: PdfTabHandlers, call: PdfViewerCall): Promise<unknown> {
  const args = call.args as Record<string, unknown>;
  switch (call.command) {
    case 'go-to':
      return handlers.goTo(args.place as PdfPlace);
    case 'mark-entities':
      return handlers.markEntities(
        Array.isArray(args.marks) ? (args.marks as EntityMark[]) : [],
        Number.isInteger(args.focus) ? (args.focus as number) : null,
      );
    case 'focus-entity-mark':
      return handlers.focusEntityMark(Number(args.index));
    case 'clear-entity-marks':
      return handlers.clearEntityMarks();
    case 'entity-marks-shown':
      return handlers.entityMarksShown();
    case 'selection':
      return handlers.selection();
  }
}

export function connectPdfTab(handlers: PdfTabHandlers): PdfTabLink {
  let port: Browser.runtime.Port | null = null;
  let closed = false;
  let last: PdfViewerReport | null = null;
  let reading: PdfViewerReport | null = null;
  const post = (report: PdfViewerReport) => {
    try {
      port?.postMessage(report);
    } catch {
      port = null; // disconnected meanwhile; the background asks again when it needs this tab
    }
  };
  const open = () => {
    const opened = browser.runtime.connect({ name: PDF_VIEWER_PORT });
    port = opened;
    opened.onMessage.addListener((message) => {
      if (!isPdfViewerCall(message)) return;
      run(handlers, message).then(
        (value) => post({ kind: 'reply', id: message.id, value }),
        () => post({ kind: 'reply', id: message.id, value: null }),
      );
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
    });
    if (last) post(last);
    if (reading) post(reading);
  };
  const ownTab = browser.tabs.getCurrent().then(
    (tab) => tab?.id ?? null,
    () => null,
  );
  const wanted = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isBroadcast(message, sender, 'pdf-viewer-wanted')) return;
    const tabId = (message as { tabId?: unknown }).tabId;
    void ownTab.then((own) => {
      if (!closed && port === null && own !== null && own === tabId) open();
    });
  };
  browser.runtime.onMessage.addListener(wanted);
  open();
  return {
    progress(progress) {
      if (last?.kind === 'analysis') return;
      last = { kind: 'progress', progress };
      post(last);
    },
    analysis(analysis) {
      last = { kind: 'analysis', analysis };
      post(last);
    },
    reading(pageNumber) {
      reading = { kind: 'reading', pageNumber };
      post(reading);
    },
    close() {
      closed = true;
      browser.runtime.onMessage.removeListener(wanted);
      port?.disconnect();
      port = null;
    },
  };
}

export const pdfTabServices: PdfTabServices = {
  connect: connectPdfTab,
  entityMarks: (view) => new PdfEntityMarks(view),
  places: (view) => new PdfPlaceMarks(view),
};
