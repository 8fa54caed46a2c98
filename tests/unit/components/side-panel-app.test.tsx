// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PopupServices } from '@/components/popup-services';
import { SidePanelApp, type SidePanelServices } from '@/components/side-panel-app';
import type { PageAnalysis, ReadingPosition } from '@/lib/messaging/contract';

function analysisOf(title: string): PageAnalysis {
  return {
    kind: 'article',
    url: `https://news.example/${title}`,
    metadata: { title, byline: null, siteName: null, publishedTime: null, excerpt: null, lang: 'en', dir: null },
    readingTime: { words: 100, minutes: 1 },
    outline: [
      { level: 2, text: `${title}: one`, liveIndex: 0 },
      { level: 2, text: `${title}: two`, liveIndex: 1 },
    ],
    entities: { entities: [], rejected: [] },
  };
}

// jsdom lays nothing out, so it has no scrollIntoView; the outline keeps the current section in view with it.
Element.prototype.scrollIntoView = function scrollIntoView() {};

afterEach(() => document.body.replaceChildren());

function setUp() {
  let showTab: (tabId: number | null) => void = () => undefined;
  let report: (position: ReadingPosition | null) => void = () => undefined;
  const titles: Record<number, string> = { 1: 'Alpha', 2: 'Beta' };
  const analyzed: number[] = [];
  const watched: (number | null)[] = [];
  const services: SidePanelServices = {
    follow: (onTab) => {
      showTab = onTab;
      return () => undefined;
    },
    readerFor: (tabId): PopupServices => ({
      resolveTabId: async () => tabId,
      analyzeTab: async (id) => {
        analyzed.push(id);
        return { ok: true, analysis: analysisOf(titles[id]) };
      },
      scrollToHeading: async () => true,
      highlightsFor: () => ({
        load: async () => ({ ok: true, pageUrl: 'x', highlights: [] }),
        scrollTo: async () => true,
        update: async () => null,
        remove: async () => undefined,
        restore: async () => undefined,
        reattach: async () => ({ ok: true }),
        subscribe: () => () => undefined,
      }),
      watchReadingPosition: (id, _headings, onPosition) => {
        watched.push(id);
        report = onPosition;
        return () => void watched.push(null);
      },
    }),
  };
  return { services, analyzed, watched, show: (tabId: number | null) => showTab(tabId), report: (p: ReadingPosition | null) => report(p) };
}

async function mount(services: SidePanelServices): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () => render(<SidePanelApp services={services} />, root));
  return root;
}

const title = (root: HTMLElement) => root.querySelector('h1')?.textContent;
/** Shows a tab and waits until the panel has read it. */
async function showAndRead(panel: ReturnType<typeof setUp>, root: HTMLElement, tabId: number, expected: string) {
  const before = panel.analyzed.length;
  await act(async () => panel.show(tabId));
  await vi.waitFor(() => expect(panel.analyzed.length).toBe(before + 1));
  await vi.waitFor(async () => {
    await act(async () => {});
    expect(title(root)).toBe(expected);
  });
}

describe('SidePanelApp', () => {
  it('shows the tab in front, follows it to another tab, and reads a reloaded page again', async () => {
    const panel = setUp();
    const root = await mount(panel.services);
    await showAndRead(panel, root, 1, 'Alpha');
    await showAndRead(panel, root, 2, 'Beta');
    await showAndRead(panel, root, 2, 'Beta');
    expect(panel.analyzed).toEqual([1, 2, 2]);
    expect(panel.watched).toEqual([1, null, 2, null, 2]);
  });

  it('marks the section the page reports, and forgets it on another tab', async () => {
    const panel = setUp();
    const root = await mount(panel.services);
    await showAndRead(panel, root, 1, 'Alpha');
    await act(async () => panel.report({ liveIndex: 1, text: 'Alpha: two' }));
    expect(root.querySelector('a[aria-current="location"]')?.textContent).toBe('Alpha: two');
    await showAndRead(panel, root, 2, 'Beta');
    expect(root.querySelector('a[aria-current="location"]')).toBeNull();
  });

  it('says so when there is no tab to show', async () => {
    const panel = setUp();
    const root = await mount(panel.services);
    await act(async () => panel.show(null));
    await act(async () => {});
    expect(root.textContent).toContain('No tab to read');
  });
});
