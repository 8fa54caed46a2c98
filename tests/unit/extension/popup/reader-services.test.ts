import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readerServices } from '@/extension/popup/reader-services';
import type { AnalyzeTabResult } from '@/lib/messaging/contract';

beforeEach(() => {
  fakeBrowser.reset();
});

const TAB = 5;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const servicesAnswering = (answer: AnalyzeTabResult) =>
  readerServices({ resolveTabId: async () => TAB, analyzeTab: async () => answer, closeOnLibrary: true });
const readPdf = { ok: true, analysis: { pdf: { pageCount: 3 } } } as unknown as AnalyzeTabResult;
const stillReading: AnalyzeTabResult = { ok: false, reason: 'reading-pdf', url: null, progress: { pagesRead: 1, pageCount: 3 } };

describe('watching the PDF viewer read, from the popup', () => {
  it('asks once after it starts listening: a viewer that finished before the popup listened is ready', async () => {
    // Its "ready" report went out while the popup's view was still loading, before anyone listened.
    const onProgress = vi.fn();
    servicesAnswering(readPdf).watchPdfReading!(TAB, onProgress);
    await flush();
    expect(onProgress).toHaveBeenCalledWith({ pagesRead: 3, pageCount: 3, ready: true });
  });

  it('shows how far a viewer still reading has got, then follows its reports', async () => {
    const onProgress = vi.fn();
    servicesAnswering(stillReading).watchPdfReading!(TAB, onProgress);
    await flush();
    expect(onProgress).toHaveBeenLastCalledWith({ pagesRead: 1, pageCount: 3, ready: false });
    const report = { type: 'pdf-reading', tabId: TAB, pagesRead: 3, pageCount: 3, ready: true };
    await fakeBrowser.runtime.onMessage.trigger(report, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') });
    expect(onProgress).toHaveBeenLastCalledWith({ pagesRead: 3, pageCount: 3, ready: true });
  });

  it('says nothing once it has stopped listening', async () => {
    const onProgress = vi.fn();
    const stop = servicesAnswering(readPdf).watchPdfReading!(TAB, onProgress);
    stop();
    await flush();
    expect(onProgress).not.toHaveBeenCalled();
  });
});
