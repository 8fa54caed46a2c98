// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupServices } from '@/components/popup-app';
import type { AnalyzeTabResult, PageAnalysis } from '@/lib/messaging/contract';

const analysis: PageAnalysis = {
  kind: 'article',
  url: 'https://news.example/a',
  metadata: {
    title: '<img src=x onerror=alert(1)> Title',
    byline: 'Ann Author',
    siteName: 'News Example',
    publishedTime: '2023-12-14T12:00:00Z',
    excerpt: null,
    lang: 'en',
    dir: null,
  },
  readingTime: { words: 1200, minutes: 5 },
  outline: [
    { level: 2, text: 'First', liveIndex: 1 },
    { level: 3, text: 'First, detail', liveIndex: 2 },
    { level: 2, text: 'Second', liveIndex: 3 },
  ],
  entities: { entities: [], rejected: [] },
};

function services(result: AnalyzeTabResult, overrides: Partial<PopupServices> = {}): PopupServices {
  return {
    resolveTabId: async () => 7,
    analyzeTab: async () => result,
    scrollToHeading: async () => true,
    ...overrides,
  };
}

async function mount(s: PopupServices): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () => render(<PopupApp services={s} />, root));
  await act(async () => {});
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('PopupApp', () => {
  it('shows the title as text, the details and a nested outline', async () => {
    const root = await mount(services({ ok: true, analysis }));
    const h1 = root.querySelector('h1');
    expect(h1?.textContent).toBe('<img src=x onerror=alert(1)> Title');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('Ann Author');
    expect(root.textContent).toContain('5 min read');
    const nav = root.querySelector('nav[aria-label="Outline"]');
    expect(Array.from(nav?.querySelectorAll('a') ?? [], (a) => a.textContent)).toEqual(['First', 'First, detail', 'Second']);
    expect(nav?.querySelector('li li a')?.textContent).toBe('First, detail');
  });

  it('asks the page to scroll when a heading is chosen, and says so when it is gone', async () => {
    const scrollToHeading = vi.fn(async () => false);
    const root = await mount(services({ ok: true, analysis }, { scrollToHeading }));
    await act(async () => (root.querySelectorAll('nav a')[2] as HTMLElement).click());
    expect(scrollToHeading).toHaveBeenCalledWith(7, analysis.outline[2]);
    expect(root.textContent).toContain('“Second” is no longer on the page');
  });

  it('explains a page it cannot read, with a way to try again', async () => {
    const analyzeTab = vi.fn(async (): Promise<AnalyzeTabResult> => ({ ok: false, reason: 'pdf', url: null }));
    const root = await mount(services({ ok: false, reason: 'pdf', url: null }, { analyzeTab }));
    expect(root.querySelector('[role="alert"] h2')?.textContent).toBe('Gloss can’t read PDFs');
    expect(root.querySelector('nav')).toBeNull();
    await act(async () => root.querySelector('button')?.click());
    await act(async () => {});
    expect(analyzeTab).toHaveBeenCalledTimes(2);
  });

  it('says a page is not an article and still lists its headings', async () => {
    const root = await mount(services({ ok: true, analysis: { ...analysis, kind: 'not-article' } }));
    expect(root.querySelector('[role="status"] h2')?.textContent).toBe('This page doesn’t look like an article');
    expect(root.querySelectorAll('nav a')).toHaveLength(3);
  });

  it('shows a plain message instead of a stack trace when the background fails', async () => {
    const root = await mount(services({ ok: true, analysis }, { analyzeTab: async () => { throw new Error('Could not establish connection'); } }));
    expect(root.querySelector('[role="alert"] h2')?.textContent).toBe('Gloss ran into a problem');
    expect(root.textContent).not.toContain('Could not establish connection');
  });

  it('shows a progress message while a large page is being read', async () => {
    vi.useFakeTimers();
    try {
      const root = await mount(services({ ok: true, analysis }, { analyzeTab: () => new Promise(() => {}) }));
      expect(root.querySelector('[aria-busy="true"]')).not.toBeNull();
      await act(async () => {
        vi.advanceTimersByTime(200);
      });
      expect(root.textContent).toContain('Reading the article…');
    } finally {
      vi.useRealTimers();
    }
  });
});
