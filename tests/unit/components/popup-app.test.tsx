// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup-app';
import type { PopupServices } from '@/components/popup-services';
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

// jsdom lays nothing out, so it has no scrollIntoView; the outline keeps the current section in view with it.
Element.prototype.scrollIntoView = function scrollIntoView() {};

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
    expect(root.querySelector('[role="alert"] h1')?.textContent).toBe('Gloss can’t read PDFs');
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
    const root = await mount(
      services(
        { ok: true, analysis },
        {
          analyzeTab: async () => {
            throw new Error('Could not establish connection');
          },
        },
      ),
    );
    expect(root.querySelector('[role="alert"] h1')?.textContent).toBe('Gloss ran into a problem');
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

  describe('Pause Gloss on this site', () => {
    const named = (root: HTMLElement, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);
    // The pause status, then the page: a few more turns than mount() waits.
    const settle = async () => {
      for (let i = 0; i < 3; i++) await act(async () => {});
    };
    const open = async (s: PopupServices) => {
      const root = await mount(s);
      await settle();
      return root;
    };
    function pauseServices(paused: boolean) {
      const state = { paused };
      return {
        state,
        status: vi.fn(async () => ({ site: 'news.example', paused: state.paused })),
        setPaused: vi.fn(async (_site: string, value: boolean) => {
          state.paused = value;
        }),
      };
    }

    it('offers to pause an active site, with a one-line explanation', async () => {
      const sitePause = pauseServices(false);
      const root = await open(services({ ok: true, analysis }, { sitePause }));
      const button = named(root, 'Pause Gloss on this site');
      expect(button).toBeDefined();
      expect(root.querySelector('.site-pause-hint')?.textContent).toBe(
        'No toolbar, no highlights and no work by Gloss in news.example’s pages until you resume.',
      );
      expect(root.querySelector('h1')).not.toBeNull();
    });

    it('pauses, then says plainly that Gloss is paused, with a way to resume', async () => {
      const sitePause = pauseServices(false);
      const root = await open(services({ ok: true, analysis }, { sitePause }));
      await act(async () => named(root, 'Pause Gloss on this site')!.click());
      await settle();
      expect(sitePause.setPaused).toHaveBeenCalledWith('news.example', true);
      expect(root.querySelector('[role="status"] h1')?.textContent).toBe('Gloss is paused on news.example');
      expect(named(root, 'Resume Gloss on this site')).toBeDefined();
      // The notice is the popup's only heading: no article is shown.
      expect([...root.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Gloss is paused on news.example']);
      expect(root.querySelector('nav')).toBeNull();
    });

    it('on a paused site says so and does not read the page; resuming reads it', async () => {
      const sitePause = pauseServices(true);
      const analyzeTab = vi.fn(async (): Promise<AnalyzeTabResult> => ({ ok: true, analysis }));
      const root = await open(services({ ok: true, analysis }, { sitePause, analyzeTab }));
      expect(root.querySelector('[role="status"] h1')?.textContent).toBe('Gloss is paused on news.example');
      expect(analyzeTab).not.toHaveBeenCalled();
      expect(named(root, 'Pause Gloss on this site')).toBeUndefined();

      await act(async () => named(root, 'Resume Gloss on this site')!.click());
      await settle();
      expect(sitePause.setPaused).toHaveBeenCalledWith('news.example', false);
      expect(analyzeTab).toHaveBeenCalledTimes(1);
      expect(root.querySelector('h1')?.textContent).toContain('Title');
      expect(named(root, 'Pause Gloss on this site')).toBeDefined();
    });

    it('says the site is paused when the background refuses the page as paused (paused after the status was asked)', async () => {
      const sitePause = pauseServices(false);
      const analyzeTab = vi.fn(async (): Promise<AnalyzeTabResult> => ({ ok: false, reason: 'paused', url: 'https://news.example/a' }));
      const root = await open(services({ ok: true, analysis }, { sitePause, analyzeTab }));
      expect(root.querySelector('[role="status"] h1')?.textContent).toBe('Gloss is paused on news.example');
      expect(named(root, 'Resume Gloss on this site')).toBeDefined();
      // The notice is the popup's only heading: no article is shown.
      expect([...root.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Gloss is paused on news.example']);
    });

    it('says what went wrong when the setting cannot be changed, and stays as it was', async () => {
      const sitePause = {
        ...pauseServices(false),
        setPaused: vi.fn(async () => {
          throw new Error('Gloss can only pause web sites.');
        }),
      };
      const root = await open(services({ ok: true, analysis }, { sitePause }));
      await act(async () => named(root, 'Pause Gloss on this site')!.click());
      await settle();
      expect(root.querySelector('.site-pause [role="alert"]')?.textContent).toBe(
        'Gloss could not pause on news.example: Gloss can only pause web sites.',
      );
      expect(root.querySelector('h1')).not.toBeNull();
    });

    it('offers no pause for a page that is not on a web site, and reads the page when the status fails', async () => {
      const none = { status: async () => ({ site: null, paused: false }), setPaused: vi.fn() };
      const root = await open(services({ ok: true, analysis }, { sitePause: none }));
      expect(named(root, 'Pause Gloss on this site')).toBeUndefined();
      const failing = {
        status: async () => {
          throw new Error('no background');
        },
        setPaused: vi.fn(),
      };
      const again = await open(services({ ok: true, analysis }, { sitePause: failing }));
      expect(again.querySelector('h1')).not.toBeNull();
    });
  });
});

describe('PopupApp: the outline near the top, long lists shortened', () => {
  const long: PageAnalysis = {
    ...analysis,
    outline: Array.from({ length: 14 }, (_, i) => ({ level: 2, text: `Section ${i + 1}`, liveIndex: i })),
  };
  const highlightServices = {
    load: async () => ({ ok: true as const, pageUrl: 'x', highlights: [] }),
    scrollTo: async () => true,
    update: async () => null,
    remove: async () => undefined,
    restore: async () => undefined,
    reattach: async () => ({ ok: true }),
    subscribe: () => () => undefined,
  };

  it('puts the outline before the highlights, and shows 8 headings then "Show all (14)"', async () => {
    const root = await mount(services({ ok: true, analysis: long }, { highlightsFor: () => highlightServices }));
    const nav = root.querySelector('nav[aria-label="Outline"]')!;
    const highlights = root.querySelector('section.highlights')!;
    expect(nav.compareDocumentPosition(highlights) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(nav.querySelectorAll('a')).toHaveLength(8);
    const more = nav.querySelector('button.show-all') as HTMLButtonElement;
    expect(more.textContent).toBe('Show all (14) headings');
    await act(async () => more.click());
    expect(nav.querySelectorAll('a')).toHaveLength(14);
  });

  it("offers to open the side panel, in the click's own handler", async () => {
    const openSidePanel = vi.fn();
    const root = await mount(services({ ok: true, analysis }, { openSidePanel }));
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Open side panel') as HTMLButtonElement;
    button.click();
    expect(openSidePanel).toHaveBeenCalledTimes(1);
  });

  it('offers no side panel where the browser has none', async () => {
    const root = await mount(services({ ok: true, analysis }));
    expect(root.textContent).not.toContain('Open side panel');
  });

  it('in the side panel, shows every heading and marks the section being read', async () => {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    const watchReadingPosition = vi.fn(
      (_tabId: number, _headings: number[], onPosition: (p: { liveIndex: number; text: string } | null) => void) => {
        queueMicrotask(() => onPosition({ liveIndex: 10, text: 'Section 11' }));
        return () => undefined;
      },
    );
    await act(async () =>
      render(<PopupApp services={services({ ok: true, analysis: long }, { watchReadingPosition })} layout="panel" />, root),
    );
    await act(async () => {});
    await act(async () => {});
    expect(watchReadingPosition).toHaveBeenCalledWith(
      7,
      long.outline.map((item) => item.liveIndex),
      expect.any(Function),
    );
    const nav = root.querySelector('nav[aria-label="Outline"]')!;
    expect(nav.querySelectorAll('a')).toHaveLength(14);
    expect([...nav.querySelectorAll('a[aria-current="location"]')].map((a) => a.textContent)).toEqual(['Section 11']);
    expect(root.textContent).not.toContain('Open side panel');
  });

  it('watches no reading position in the popup', async () => {
    const watchReadingPosition = vi.fn(() => () => undefined);
    await mount(services({ ok: true, analysis }, { watchReadingPosition }));
    expect(watchReadingPosition).not.toHaveBeenCalled();
  });
});
