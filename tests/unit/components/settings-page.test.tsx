// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SettingsPage } from '@/components/settings/settings-page';
import type { PausedSiteServices, SettingsServices } from '@/components/settings/settings-services';
import { describeCounts } from '@/components/settings/describe-counts';
import { DEFAULT_SETTINGS, type GlossSettings } from '@/lib/settings/gloss-settings';
import type { StoredCounts } from '@/lib/storage/storage-summary';

// jsdom has no modal dialogs; the browser's own behaviour (inert page, Escape) is checked in the e2e tests.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

const COUNTS: StoredCounts = { pages: 3, highlights: 12, tags: 2, verdicts: 1, actors: 0, aliasPicks: 2, pausedSites: 1 };
const NONE: StoredCounts = { pages: 0, highlights: 0, tags: 0, verdicts: 0, actors: 0, aliasPicks: 0, pausedSites: 0 };

function pausedServices(sites: string[]) {
  let paused = sites.map((site, i) => ({ site, pausedAt: i }));
  let notify: () => void = () => undefined;
  return {
    list: vi.fn(async () => paused),
    resume: vi.fn(async (site: string) => {
      paused = paused.filter((record) => record.site !== site);
    }),
    subscribe: (onChange: () => void) => {
      notify = onChange;
      return () => undefined;
    },
    pauseElsewhere: (site: string) => {
      paused = [...paused, { site, pausedAt: 9 }];
      notify();
    },
  } satisfies PausedSiteServices & Record<string, unknown>;
}

function services(overrides: Partial<SettingsServices> = {}) {
  let stored: GlossSettings = { ...DEFAULT_SETTINGS };
  let counts = COUNTS;
  let settingsChanged: (settings: GlossSettings) => void = () => undefined;
  const fake = {
    shortcut: async () => 'Alt+Shift+H',
    openShortcutSettings: vi.fn(async () => true),
    loadSettings: async () => stored,
    saveSettings: vi.fn(async (changes: Partial<GlossSettings>) => (stored = { ...stored, ...changes })),
    subscribeSettings: (onChange: (settings: GlossSettings) => void) => {
      settingsChanged = onChange;
      return () => undefined;
    },
    dataSummary: vi.fn(async () => ({ counts, bytes: 5_400_000 })),
    subscribeData: () => () => undefined,
    exportEverything: vi.fn(async () => 'gloss-backup-2026-12-04.json'),
    eraseEverything: vi.fn(async () => {
      const before = counts;
      counts = NONE;
      stored = { ...DEFAULT_SETTINGS };
      return before;
    }),
    pausedSites: pausedServices([]),
    ...overrides,
  };
  return Object.assign(fake, { changeElsewhere: (settings: GlossSettings) => settingsChanged(settings) });
}

async function mount(s: SettingsServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<SettingsPage services={s} />, root));
  for (let i = 0; i < 3; i++) await act(async () => {});
  return root;
}

const region = (root: HTMLElement, name: string) => {
  const heading = [...root.querySelectorAll('h2')].find((h) => h.textContent === name)!;
  return root.querySelector(`section[aria-labelledby="${heading.id}"]`) as HTMLElement;
};
const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const radio = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((input) => input.parentElement?.textContent === name)!;
const statusOf = (section: HTMLElement) => section.querySelector('.status-line')?.textContent;
const settle = async () => {
  for (let i = 0; i < 3; i++) await act(async () => {});
};

afterEach(() => document.body.replaceChildren());

describe('SettingsPage', () => {
  it("has three regions, each named by its heading, and no Sync section: it links to the library's", async () => {
    const root = await mount(services());
    expect(root.querySelector('h1')?.textContent).toBe('Gloss settings');
    const sections = [...root.querySelectorAll('section[aria-labelledby]')];
    expect(sections.map((section) => document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'Highlighting',
      'Paused sites',
      'Your data',
    ]);
    // Sync lives in the library (one place to set it up); the data section links there.
    expect([...root.querySelectorAll('section a')].find((a) => a.textContent === 'Sync')?.getAttribute('href')).toBe(
      'library.html#sync-title',
    );
    expect([...root.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(['library.html', 'welcome.html']);
  });

  describe('Highlighting', () => {
    it('offers the five colours as a named radio group, with the stored one chosen, and the toolbar switch', async () => {
      const root = await mount(services());
      const group = root.querySelector('[role="radiogroup"]')!;
      expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Default colour');
      expect([...group.querySelectorAll('label')].map((label) => label.textContent)).toEqual(['Yellow', 'Green', 'Blue', 'Pink', 'Purple']);
      expect(radio(root, 'Yellow').checked).toBe(true);
      const toolbar = root.querySelector('input[type="checkbox"]') as HTMLInputElement;
      expect(toolbar.parentElement?.textContent).toBe('Show the toolbar when I select text');
      expect(toolbar.checked).toBe(true);
      expect(root.querySelector('kbd')?.getAttribute('aria-label')).toBe('Shortcut: Alt+Shift+H');
    });

    it('saves a colour and the toolbar switch at once, and says so', async () => {
      const fake = services();
      const root = await mount(fake);
      const highlighting = region(root, 'Highlighting');
      await act(async () => radio(root, 'Purple').click());
      await settle();
      expect(fake.saveSettings).toHaveBeenCalledWith({ defaultColor: 'purple' });
      expect(radio(root, 'Purple').checked).toBe(true);
      expect(statusOf(highlighting)).toBe('New highlights from the shortcut and the context menu are purple.');
      await act(async () => (root.querySelector('input[type="checkbox"]') as HTMLInputElement).click());
      await settle();
      expect(fake.saveSettings).toHaveBeenLastCalledWith({ showToolbar: false });
      expect(statusOf(highlighting)).toBe('The toolbar is off: highlight with the shortcut or the context menu.');
    });

    it('takes a change back when it cannot be saved, and says why', async () => {
      const fake = services({
        saveSettings: vi.fn(async () => {
          throw new Error('The database is blocked.');
        }),
      });
      const root = await mount(fake);
      await act(async () => radio(root, 'Green').click());
      await settle();
      expect(radio(root, 'Yellow').checked).toBe(true);
      expect(statusOf(region(root, 'Highlighting'))).toBe('Gloss could not save that: The database is blocked.');
    });

    it('follows changes made elsewhere, and says so when the settings cannot be read', async () => {
      const fake = services();
      const root = await mount(fake);
      await act(async () => fake.changeElsewhere({ defaultColor: 'blue', showToolbar: false }));
      expect(radio(root, 'Blue').checked).toBe(true);
      expect((root.querySelector('input[type="checkbox"]') as HTMLInputElement).checked).toBe(false);
      const broken = await mount(
        services({
          loadSettings: async () => {
            throw new Error('no database');
          },
        }),
      );
      expect(broken.querySelector('[role="alert"]')?.textContent).toBe('Gloss could not read your settings: no database');
    });
  });

  describe('Paused sites', () => {
    it('says so in a plain sentence when there are none', async () => {
      const root = await mount(services());
      expect(region(root, 'Paused sites').textContent).toContain('Gloss is not paused on any site.');
      expect(region(root, 'Paused sites').querySelector('button')).toBeNull();
    });

    it('lists each paused site with a Resume button named for it, and resumes it', async () => {
      const pausedSites = pausedServices(['127.0.0.1:8080', 'news.example']);
      const root = await mount(services({ pausedSites }));
      const paused = region(root, 'Paused sites');
      expect([...paused.querySelectorAll('.paused-site')].map((el) => el.textContent)).toEqual(['127.0.0.1:8080', 'news.example']);
      const resume = paused.querySelector('[aria-label="Resume Gloss on news.example"]') as HTMLButtonElement;
      expect(resume.textContent).toBe('Resume');
      await act(async () => resume.click());
      await settle();
      expect(pausedSites.resume).toHaveBeenCalledWith('news.example');
      expect([...paused.querySelectorAll('.paused-site')].map((el) => el.textContent)).toEqual(['127.0.0.1:8080']);
    });

    it('follows pauses made elsewhere, and says when a resume fails', async () => {
      const pausedSites = pausedServices([]);
      const root = await mount(services({ pausedSites }));
      const paused = region(root, 'Paused sites');
      await act(async () => pausedSites.pauseElsewhere('blog.example'));
      await settle();
      expect(paused.querySelector('[aria-label="Resume Gloss on blog.example"]')).not.toBeNull();
      pausedSites.resume.mockRejectedValueOnce(new Error('Gloss can only pause web sites.'));
      await act(async () => (paused.querySelector('[aria-label="Resume Gloss on blog.example"]') as HTMLButtonElement).click());
      await settle();
      expect(paused.querySelector('[role="alert"]')?.textContent).toBe(
        'Gloss could not resume on blog.example: Gloss can only pause web sites.',
      );
    });
  });

  describe('Your data', () => {
    it('says where it lives, counts what Gloss keeps and how much space it takes', async () => {
      const root = await mount(services());
      const data = region(root, 'Your data');
      expect(data.textContent).toContain('Nothing is sent anywhere');
      const counts = [...data.querySelectorAll('dl > div')].map((row) => [
        row.querySelector('dt')?.textContent,
        row.querySelector('dd')?.textContent,
      ]);
      expect(counts).toEqual([
        ['Pages', '3'],
        ['Highlights', '12'],
        ['Tags', '2'],
        ['Entity verdicts', '1'],
        ['Your threat actors', '0'],
        ['Alias picks', '2'],
        ['Paused sites', '1'],
        ['Space used', '5.1 MB'],
      ]);
      const silent = await mount(services({ dataSummary: async () => ({ counts: COUNTS, bytes: null }) }));
      expect(silent.textContent).toContain('the browser does not say');
    });

    it('exports everything as the JSON backup, and says where it went or why not', async () => {
      const fake = services();
      const root = await mount(fake);
      const data = region(root, 'Your data');
      await act(async () => button(data, 'Export everything').click());
      await settle();
      expect(fake.exportEverything).toHaveBeenCalledOnce();
      expect(statusOf(data)).toBe('Saved gloss-backup-2026-12-04.json.');
      vi.mocked(fake.exportEverything).mockRejectedValueOnce(new Error('There are no saved pages to export.'));
      await act(async () => button(data, 'Export everything').click());
      await settle();
      expect(statusOf(data)).toBe('Export failed: There are no saved pages to export.');
    });

    it('erases only once ERASE is typed; Cancel erases nothing and gives focus back', async () => {
      const fake = services();
      const root = await mount(fake);
      const data = region(root, 'Your data');
      const opener = button(data, 'Erase everything…');
      await act(async () => opener.click());
      const dialog = root.querySelector('dialog')!;
      expect(dialog.open).toBe(true);
      expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Erase everything?');
      expect(dialog.textContent).toContain(
        'This deletes 3 pages, 12 highlights, 2 tags, 1 entity verdict, 2 alias picks and 1 paused site from this browser',
      );
      const erase = button(dialog, 'Erase everything');
      expect(erase.disabled).toBe(true);
      await act(async () => button(dialog, 'Cancel').click());
      await settle();
      expect(root.querySelector('dialog')).toBeNull();
      expect(document.activeElement).toBe(opener);
      expect(fake.eraseEverything).not.toHaveBeenCalled();

      await act(async () => opener.click());
      const again = root.querySelector('dialog')!;
      const word = again.querySelector('input') as HTMLInputElement;
      expect(word.parentElement?.textContent?.trim()).toBe('Type ERASE to confirm');
      word.value = 'eras';
      await act(async () => {
        word.dispatchEvent(new Event('input', { bubbles: true }));
      });
      expect(button(again, 'Erase everything').disabled).toBe(true);
      word.value = 'ERASE';
      await act(async () => {
        word.dispatchEvent(new Event('input', { bubbles: true }));
      });
      expect(button(again, 'Erase everything').disabled).toBe(false);
      await act(async () => {
        again.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
      await settle();
      expect(fake.eraseEverything).toHaveBeenCalledOnce();
      expect(root.querySelector('dialog')).toBeNull();
      expect(statusOf(data)).toBe(
        'Erased 3 pages, 12 highlights, 2 tags, 1 entity verdict, 2 alias picks and 1 paused site. Gloss keeps nothing now.',
      );
      expect(data.querySelector('dd')?.textContent).toBe('0');
    });

    it('keeps the dialog open and says so when the erase fails', async () => {
      const fake = services({
        eraseEverything: vi.fn(async () => {
          throw new Error('The database is blocked.');
        }),
      });
      const root = await mount(fake);
      await act(async () => button(region(root, 'Your data'), 'Erase everything…').click());
      const dialog = root.querySelector('dialog')!;
      const word = dialog.querySelector('input') as HTMLInputElement;
      word.value = 'ERASE';
      await act(async () => {
        word.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(async () => {
        dialog.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
      await settle();
      expect(root.querySelector('dialog')?.open).toBe(true);
      expect(dialog.querySelector('[role="alert"]')?.textContent).toBe('Nothing was erased: The database is blocked.');
    });
  });
});

describe('describeCounts', () => {
  it('lists what there is in words, and says nothing when there is nothing', () => {
    expect(describeCounts({ ...NONE, highlights: 1 })).toBe('1 highlight');
    expect(describeCounts({ ...NONE, pages: 2, highlights: 3 })).toBe('2 pages and 3 highlights');
    expect(describeCounts({ pages: 1, highlights: 2_400, tags: 1, verdicts: 2, actors: 1, aliasPicks: 1, pausedSites: 2 })).toBe(
      '1 page, 2,400 highlights, 1 tag, 2 entity verdicts, 1 threat actor of yours, 1 alias pick and 2 paused sites',
    );
    expect(describeCounts(NONE)).toBe('nothing');
  });
});
