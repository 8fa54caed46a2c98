// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup-app';
import type { PopupServices } from '@/components/popup-services';
import type { AnalyzeTabResult, PageAnalysis } from '@/lib/messaging/contract';

const pdfAnalysis: PageAnalysis = {
  kind: 'article',
  url: 'https://vendor.example/report.pdf',
  metadata: {
    title: 'Storm-1152 report',
    byline: 'Threat Team',
    siteName: 'vendor.example',
    publishedTime: '2024-01-15T09:00:00Z',
    excerpt: null,
    lang: null,
    dir: null,
  },
  readingTime: { words: 2400, minutes: 10 },
  outline: [
    { level: 1, text: 'Summary', liveIndex: null, pageNumber: 1 } as PageAnalysis['outline'][number],
    { level: 1, text: 'Infrastructure', liveIndex: null, pageNumber: 4 } as PageAnalysis['outline'][number],
  ],
  entities: { entities: [], rejected: [] },
  pdf: { pageCount: 12, documentKey: 'urn:x-pdf:0123456789abcdef', fileName: 'report.pdf', local: false },
};

type Progress = { pagesRead: number; pageCount: number; ready: boolean };

async function mount(services: PopupServices): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () => render(<PopupApp services={services} />, root));
  await act(async () => {});
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('PopupApp on Gloss’s PDF viewer', () => {
  it('says how far the viewer has read while it reads, never that the tab cannot be read, then shows the PDF', async () => {
    let report: ((progress: Progress) => void) | null = null;
    const stop = vi.fn();
    const answers: AnalyzeTabResult[] = [
      { ok: false, reason: 'reading-pdf', url: null, progress: { pagesRead: 3, pageCount: 12 } },
      { ok: true, analysis: pdfAnalysis },
    ];
    const analyzeTab = vi.fn(async () => answers.shift()!);
    const root = await mount({
      resolveTabId: async () => 9,
      analyzeTab,
      scrollToHeading: async () => true,
      watchPdfReading: (tabId, onProgress) => {
        expect(tabId).toBe(9);
        report = onProgress;
        return stop;
      },
    });
    const status = root.querySelector('[role="status"]');
    expect(status?.textContent).toContain('Reading the PDF');
    expect(status?.textContent).toContain('page 3 of 12');
    expect(root.querySelector('[role="alert"]')).toBeNull();

    await act(async () => report!({ pagesRead: 8, pageCount: 12, ready: false }));
    expect(root.querySelector('progress')?.getAttribute('value')).toBe('8');
    expect(root.textContent).toContain('page 8 of 12');

    await act(async () => report!({ pagesRead: 12, pageCount: 12, ready: true }));
    await act(async () => {});
    expect(analyzeTab).toHaveBeenCalledTimes(2);
    expect(stop).toHaveBeenCalled();
    expect(root.querySelector('h1')?.textContent).toBe('Storm-1152 report');
    expect(root.textContent).toContain('Threat Team');
    expect(root.textContent).toContain('PDF, 12 pages');
    const links = [...root.querySelectorAll('nav[aria-label="Outline"] a')].map((a) => a.textContent);
    expect(links).toEqual(['Summary', 'Infrastructure']);
  });

  it('waits for the viewer’s document in plain words when the viewer has none open yet', async () => {
    const root = await mount({
      resolveTabId: async () => 9,
      analyzeTab: async () => ({ ok: false, reason: 'reading-pdf', url: null, progress: null }),
      scrollToHeading: async () => true,
    });
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Waiting for Gloss’s PDF viewer in this tab');
  });

  it('names a local file as one', async () => {
    const root = await mount({
      resolveTabId: async () => 9,
      analyzeTab: async () => ({ ok: true, analysis: { ...pdfAnalysis, pdf: { ...pdfAnalysis.pdf!, local: true } } }),
      scrollToHeading: async () => true,
    });
    expect(root.textContent).toContain('PDF, 12 pages, a local file');
  });
});

describe('the side panel on Gloss’s PDF viewer', () => {
  it('marks the outline entry of the page the viewer reports, and stops listening when it goes', async () => {
    let report: ((pageNumber: number) => void) | null = null;
    const stop = vi.fn();
    const watchReadingPosition = vi.fn(() => () => undefined);
    const services: PopupServices = {
      resolveTabId: async () => 9,
      analyzeTab: async () => ({ ok: true, analysis: pdfAnalysis }),
      scrollToHeading: async () => true,
      watchReadingPosition,
      watchPdfReadingPosition: (tabId, onPage) => {
        expect(tabId).toBe(9);
        report = onPage;
        return stop;
      },
    };
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () => render(<PopupApp services={services} layout="panel" />, root));
    await vi.waitFor(() => expect(report).not.toBeNull());
    const current = () => root.querySelector('nav[aria-label="Outline"] a[aria-current="location"]')?.textContent ?? null;
    expect(current()).toBeNull();

    await act(async () => report!(5));
    expect(current()).toBe('Infrastructure');
    await act(async () => report!(2));
    expect(current()).toBe('Summary');
    // A PDF's outline has no heading elements: the web page's watcher is not asked for.
    expect(watchReadingPosition).not.toHaveBeenCalled();

    await act(async () => render(null, root));
    expect(stop).toHaveBeenCalled();
  });

  it('the popup (not the panel) does not follow the page being read', async () => {
    const watchPdfReadingPosition = vi.fn(() => () => undefined);
    await mount({
      resolveTabId: async () => 9,
      analyzeTab: async () => ({ ok: true, analysis: pdfAnalysis }),
      scrollToHeading: async () => true,
      watchPdfReadingPosition,
    });
    expect(watchPdfReadingPosition).not.toHaveBeenCalled();
  });
});
