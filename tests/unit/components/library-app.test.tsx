// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryApp } from '@/components/library/library-app';
import type {
  ActorChange,
  ConfirmActorChanges,
  ConfirmSettingChanges,
  ImportOutcome,
  LibraryServices,
  SettingChange,
} from '@/components/library/library-services';
import type { ImportReport } from '@/lib/storage/backup-store';
import type { AnnotationRecord, PageRecord } from '@/lib/storage/records';

const STORM = 'https://news.example/storm-1152';
const BLOG = 'https://blog.example/heron';

function page(url: string, title: string, updatedAt: number, actors: string[] = []): PageRecord {
  return { url, title, siteName: null, createdAt: 1, updatedAt, actors };
}
function note(id: string, pageUrl: string, exact: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id,
    pageUrl,
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    },
    ...extra,
  };
}

const data = () => ({
  pages: [page(STORM, 'Storm-1152 takedown', 2, ['scattered spider']), page(BLOG, 'Crimson Heron', 1)],
  annotations: [
    note('a', STORM, 'a staggering 750 million accounts', { tags: ['fraud'], note: 'Scale.' }),
    note('b', BLOG, 'Researchers described Crimson Heron', { color: 'green' }),
  ],
  actorNames: new Map([['scattered spider', 'Scattered Spider']]),
});

const counts = { added: 0, updated: 0, skipped: 0 };
const report: ImportReport = {
  added: 3,
  updated: 0,
  skipped: 1,
  pages: { ...counts, added: 1 },
  annotations: { ...counts, added: 2 },
  tags: { ...counts, skipped: 1 },
  entityTags: counts,
  actors: counts,
  aliasPicks: counts,
  settings: counts,
  pausedSites: counts,
};

function services(overrides: Partial<LibraryServices> = {}): LibraryServices {
  return {
    loadPages: async () => data().pages,
    loadHighlights: async () => data().annotations,
    actorNames: async () => data().actorNames,
    open: vi.fn(async () => ({ ok: true })),
    exportPages: vi.fn(async () => ({ fileName: 'x.md', mimeType: 'text/markdown', data: '# x' })),
    save: vi.fn(),
    copy: vi.fn(async () => true),
    importBackup: vi.fn(async (): Promise<ImportOutcome> => ({
      ok: true,
      report,
      skipped: [],
      actorChanges: [],
      actorsApplied: false,
      settingChanges: [],
      settingsApplied: false,
    })),
    renameTag: vi.fn(async () => ({ annotations: 1, merged: false })),
    subscribe: () => () => undefined,
    vault: {
      supported: false,
      folderName: async () => null,
      choose: vi.fn(async () => null),
      forget: vi.fn(async () => undefined),
      update: vi.fn(async () => ({ ok: false as const, message: 'no' })),
    },
    highlights: { update: vi.fn(async () => null), remove: vi.fn(async () => undefined), restore: vi.fn(async () => undefined) },
    ...overrides,
  };
}

async function mount(s: LibraryServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<LibraryApp services={s} />, root));
  // Pages, then highlights and actor names: two reads to settle.
  for (let i = 0; i < 3; i++) await act(async () => {});
  return root;
}

const titles = (root: HTMLElement) => [...root.querySelectorAll('.page-card h2')].map((h) => h.textContent);
const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const status = (root: HTMLElement) => root.querySelector('.status-line')?.textContent;

async function type(root: HTMLElement, text: string): Promise<void> {
  const box = root.querySelector('input[type="search"]') as HTMLInputElement;
  box.value = text;
  await act(async () => {
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => document.body.replaceChildren());

describe('LibraryApp', () => {
  it('lists every page, newest first, with its site, highlights, tags and actors', async () => {
    const root = await mount(services());
    expect(root.querySelector('h1')?.textContent).toBe('Gloss library');
    expect(root.querySelector('input[type="search"]')?.getAttribute('aria-label')).toBe('Search');
    expect(titles(root)).toEqual(['Storm-1152 takedown', 'Crimson Heron']);
    const first = root.querySelector('.page-card')!;
    expect(first.querySelector('.page-meta')?.textContent).toContain('news.example');
    expect(first.querySelector('.chips')?.textContent).toBe('Scattered Spider#fraud');
    expect(first.querySelector('.note')?.textContent).toBe('Scale.');
  });

  it('draws a note’s Markdown, and marks the words a search found in it where they show', async () => {
    const withMarkdown = note('a', STORM, 'a staggering 750 million accounts', { note: 'The **scale** of it, `scale` again' });
    const root = await mount(services({ loadHighlights: async () => [withMarkdown] }));
    await vi.waitFor(() => expect(root.querySelector('.note strong')?.textContent).toBe('scale'));
    expect(root.querySelector('.note mark')).toBeNull();
    await type(root, 'scale');
    expect(root.querySelector('.note')?.textContent).toBe('The scale of it, scale again');
    expect([...root.querySelectorAll('.note mark')].map((mark) => mark.parentElement?.tagName)).toEqual(['STRONG', 'CODE']);
    // Shown whole, so that every word found is in view.
    expect(root.querySelector('.note-frame')?.classList.contains('note-clamped')).toBe(false);
    await type(root, 'staggering');
    expect(root.querySelector('.note strong')?.textContent).toBe('scale');
    expect(root.querySelector('.note mark')).toBeNull();
  });

  it('searches itself for a note’s wikilink target, from the searchbox', async () => {
    const linked = note('b', BLOG, 'Researchers described Crimson Heron', { note: 'Not [[Storm-1152|the fraud gang]]' });
    const root = await mount(services({ loadHighlights: async () => [data().annotations[0], linked] }));
    await vi.waitFor(() => expect(root.querySelector('a.note-wikilink')?.textContent).toBe('the fraud gang'));
    await act(async () => (root.querySelector('a.note-wikilink') as HTMLAnchorElement).click());
    const box = root.querySelector('input[type="search"]') as HTMLInputElement;
    expect(box.value).toBe('Storm-1152');
    expect(document.activeElement).toBe(box);
    expect(titles(root)).toEqual(['Storm-1152 takedown', 'Crimson Heron']);
    expect(root.querySelector('.result-count')?.textContent).toBe('2 pages, 2 highlights match');
  });

  it('runs a search sent from elsewhere (a wikilink followed in the popup), and stops listening when gone', async () => {
    let send: ((query: string) => void) | undefined;
    const stop = vi.fn();
    const subscribeSearches = (onSearch: (query: string) => void) => {
      send = onSearch;
      return stop;
    };
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(async () => render(<LibraryApp services={services()} subscribeSearches={subscribeSearches} />, root));
    for (let i = 0; i < 3; i++) await act(async () => {});
    await act(async () => send!('heron'));
    expect((root.querySelector('input[type="search"]') as HTMLInputElement).value).toBe('heron');
    expect(titles(root)).toEqual(['Crimson Heron']);
    await act(async () => render(null, root));
    expect(stop).toHaveBeenCalled();
  });

  it('opens with a search when asked (library.html?q=…), and tells each change of it', async () => {
    const onQueryChange = vi.fn();
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(async () => render(<LibraryApp services={services()} initialQuery="staggering" onQueryChange={onQueryChange} />, root));
    for (let i = 0; i < 3; i++) await act(async () => {});
    expect((root.querySelector('input[type="search"]') as HTMLInputElement).value).toBe('staggering');
    expect(titles(root)).toEqual(['Storm-1152 takedown']);
    await type(root, 'heron');
    expect(onQueryChange.mock.calls.map(([query]) => query)).toEqual(['staggering', 'heron']);
  });

  it('narrows the results as the user types, marking what matched', async () => {
    const root = await mount(services());
    await type(root, 'staggering');
    expect(titles(root)).toEqual(['Storm-1152 takedown']);
    expect(root.querySelector('mark')?.textContent).toBe('staggering');
    await type(root, 'nothing like this');
    expect(titles(root)).toEqual([]);
    expect(root.textContent).toContain('Nothing matches');
  });

  it('filters by tag, colour and threat actor', async () => {
    const root = await mount(services());
    const select = (label: string) =>
      [...root.querySelectorAll('label')].find((l) => l.textContent === label)!.nextElementSibling as HTMLSelectElement;
    const choose = async (label: string, value: string) => {
      select(label).value = value;
      await act(async () => {
        select(label).dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    await choose('Colour', 'green');
    expect(titles(root)).toEqual(['Crimson Heron']);
    await choose('Colour', '');
    await choose('Threat actor', 'scattered spider');
    expect(titles(root)).toEqual(['Storm-1152 takedown']);
    expect([...select('Tag').options].map((o) => o.textContent)).toEqual(['All', 'fraud (1 page)']);
  });

  it('paints the pages before the highlights arrive, then the highlights', async () => {
    let deliver: (records: AnnotationRecord[]) => void = () => undefined;
    const root = await mount(
      services({
        loadHighlights: () =>
          new Promise((resolve) => {
            deliver = resolve;
          }),
      }),
    );
    expect(titles(root)).toEqual(['Storm-1152 takedown', 'Crimson Heron']);
    expect(root.querySelector('.result-count')?.textContent).toContain('Reading your highlights');
    expect(root.querySelector('.page-meta')?.textContent).not.toContain('highlight');
    expect(button(root, 'Export Markdown').disabled).toBe(true);
    await act(async () => deliver(data().annotations));
    await act(async () => {});
    expect(root.querySelector('.page-meta')?.textContent).toContain('1 highlight');
    expect(button(root, 'Export Markdown').disabled).toBe(false);
  });

  it('opens a highlight in its page', async () => {
    const s = services();
    const root = await mount(s);
    await act(async () => (root.querySelector('.quote-button') as HTMLButtonElement).click());
    expect(s.open).toHaveBeenCalledWith(STORM, 'a');
  });

  it('exports everything, or only the pages shown', async () => {
    const s = services();
    const root = await mount(s);
    await act(async () => button(root, 'Export Markdown').click());
    expect(s.exportPages).toHaveBeenLastCalledWith('markdown', null);
    expect(s.save).toHaveBeenCalledOnce();
    expect(status(root)).toBe('Saved x.md.');
    await type(root, 'heron');
    await act(async () => button(root, 'Export STIX').click());
    expect(s.exportPages).toHaveBeenLastCalledWith('stix', [BLOG]);
  });

  async function chooseFile(root: HTMLElement): Promise<File> {
    const input = root.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['{}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => {});
    return file;
  }

  it('reports what an import added, and why a file was refused', async () => {
    const s = services();
    const root = await mount(s);
    const file = await chooseFile(root);
    expect(s.importBackup).toHaveBeenCalledWith(file, expect.any(Function), expect.any(Function), expect.any(Function));
    expect(status(root)).toMatch(/^Imported: 2 highlights added, 0 updated, 0 already up to date; 1 new page\./);
    expect(root.querySelector('.import-confirm')).toBeNull();

    (s.importBackup as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ ok: false, message: 'This file is not JSON.' });
    await chooseFile(root);
    expect(status(root)).toBe('Nothing was imported. This file is not JSON.');
  });

  it('names the records it skipped, with their place and reason', async () => {
    const skipped = Array.from({ length: 5 }, (_, i) => ({
      place: `Annotation ${i + 17}`,
      message: `Annotation ${i + 17}: TextQuoteSelector exact is empty.`,
    }));
    const root = await mount(
      services({
        importBackup: async () => ({
          ok: true,
          report,
          skipped,
          actorChanges: [],
          actorsApplied: false,
          settingChanges: [],
          settingsApplied: false,
        }),
      }),
    );
    await chooseFile(root);
    expect(status(root)).toContain(
      '1 new page. Skipped 5 that could not be kept: Annotation 17: TextQuoteSelector exact is empty. ' +
        'Annotation 18: TextQuoteSelector exact is empty. Annotation 19: TextQuoteSelector exact is empty. And 2 more.',
    );
    expect(status(root)).toMatch(/^Imported/);
  });

  describe('a backup that changes actors', () => {
    const changes: ActorChange[] = [
      { canonical: 'Gold Harvest', newActor: true, aliases: ['GH-1'] },
      { canonical: 'APT29', newActor: false, aliases: ['the Board', 'Cozy'] },
    ];
    /** An import that asks, as the real one does, and reports what was chosen. */
    function asking() {
      return services({
        importBackup: vi.fn(async (_file: File, _step?: unknown, confirm?: ConfirmActorChanges): Promise<ImportOutcome> => {
          const applied = confirm ? await confirm(changes) : false;
          return {
            ok: true,
            report,
            skipped: [],
            actorChanges: changes,
            actorsApplied: applied,
            settingChanges: [],
            settingsApplied: false,
          };
        }),
      });
    }
    const panel = (root: HTMLElement) => root.querySelector('.import-confirm') as HTMLElement | null;

    it('lists the changes in a named group, with the safe choice focused', async () => {
      const root = await mount(asking());
      await chooseFile(root);
      const group = panel(root)!;
      expect(group.getAttribute('role')).toBe('group');
      expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Actor changes in backup.json');
      expect(document.getElementById(group.getAttribute('aria-describedby')!)?.textContent).toBe(
        'This backup also adds 1 actor and 3 aliases: Gold Harvest (new; also “GH-1”); “the Board”, “Cozy” for APT29.',
      );
      expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Import with actor changes', 'Import without']);
      expect(document.activeElement).toBe(button(root, 'Import without'));
      expect(status(root)).toContain('choose whether those changes apply');
      expect(button(root, 'Export JSON').disabled).toBe(true);
    });

    it('applies them only when the user confirms', async () => {
      const root = await mount(asking());
      await chooseFile(root);
      await act(async () => button(root, 'Import with actor changes').click());
      await act(async () => {});
      expect(panel(root)).toBeNull();
      expect(status(root)).toMatch(/^Imported: 2 highlights added.*Actor changes applied\.$/);
    });

    it('imports the highlights without them on "Import without", or on Escape', async () => {
      const root = await mount(asking());
      await chooseFile(root);
      await act(async () => button(root, 'Import without').click());
      await act(async () => {});
      expect(status(root)).toMatch(/^Imported: 2 highlights added.*Actor changes left out, as chosen\.$/);
      await chooseFile(root);
      await act(async () => {
        panel(root)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      });
      await act(async () => {});
      expect(panel(root)).toBeNull();
      expect(status(root)).toMatch(/Actor changes left out, as chosen\.$/);
    });
  });

  describe('a backup that changes settings', () => {
    const changes: SettingChange[] = [
      { name: 'defaultColor', from: 'yellow', to: 'blue' },
      { name: 'showToolbar', from: true, to: false },
    ];
    const restored: ImportReport = { ...report, pausedSites: { ...counts, added: 2 }, settings: { ...counts, updated: 2 } };
    function asking() {
      return services({
        importBackup: vi.fn(
          async (_file: File, _step?: unknown, _actors?: unknown, confirm?: ConfirmSettingChanges): Promise<ImportOutcome> => {
            const applied = confirm ? await confirm(changes) : false;
            return {
              ok: true,
              report: restored,
              skipped: [],
              actorChanges: [],
              actorsApplied: false,
              settingChanges: changes,
              settingsApplied: applied,
            };
          },
        ),
      });
    }
    const panel = (root: HTMLElement) => root.querySelector('.import-confirm') as HTMLElement | null;

    it('asks in a named group, with keeping the settings focused', async () => {
      const root = await mount(asking());
      await chooseFile(root);
      const group = panel(root)!;
      expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Settings in backup.json');
      expect(document.getElementById(group.getAttribute('aria-describedby')!)?.textContent).toBe(
        'This backup also sets the default colour to Blue (now Yellow) and turns the toolbar on selection off.',
      );
      expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Use the backup’s settings', 'Keep my settings']);
      expect(document.activeElement).toBe(button(root, 'Keep my settings'));
      expect(status(root)).toContain('the backup also changes your settings');
    });

    it('says what it restored: the paused sites, and the settings when the reader agreed', async () => {
      const root = await mount(asking());
      await chooseFile(root);
      await act(async () => button(root, 'Use the backup’s settings').click());
      await act(async () => {});
      expect(panel(root)).toBeNull();
      expect(status(root)).toMatch(
        /Paused on 2 more sites\. Settings restored: the backup sets the default colour to Blue and turns the toolbar on selection off\.$/,
      );
      await chooseFile(root);
      await act(async () => button(root, 'Keep my settings').click());
      await act(async () => {});
      expect(status(root)).toMatch(/Paused on 2 more sites\. Settings left as they were, as chosen\.$/);
    });
  });

  it('renames a tag across pages', async () => {
    const s = services();
    const root = await mount(s);
    await act(async () => (root.querySelector('[aria-label="Rename #fraud"]') as HTMLButtonElement).click());
    const field = root.querySelector('.tag-manager input') as HTMLInputElement;
    // The field takes the focus as it opens, so what the person types goes into it.
    expect(document.activeElement).toBe(field);
    field.value = 'scam';
    await act(async () => {
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (root.querySelector('.tag-manager form') as HTMLFormElement).requestSubmit());
    await act(async () => {});
    expect(s.renameTag).toHaveBeenCalledWith('fraud', 'scam');
    expect(status(root)).toBe('Renamed the tag on 1 highlight.');
    // And the focus goes back to the tag's Rename button.
    await vi.waitFor(async () => {
      await act(async () => {});
      expect(document.activeElement?.getAttribute('aria-label') ?? '').toMatch(/^Rename #/);
    });
  });

  it('lists only the tags one set for renaming; inline #tags in notes are in the Tag filter, and it says so', async () => {
    const withInline = data();
    withInline.annotations[1] = { ...withInline.annotations[1], note: 'Seen with #heron/lure and #fraud' };
    const root = await mount(services({ loadHighlights: async () => withInline.annotations }));
    const manager = root.querySelector('.tag-manager')!;
    expect(manager.querySelector('summary')?.textContent).toBe('Manage tags (1)');
    // The tag one set and its count there: #fraud is also in a note's text, which renaming does not change.
    expect(
      [...manager.querySelectorAll('.tag-label')].map((label) => `${label.textContent} ${label.nextElementSibling?.textContent}`),
    ).toEqual(['#fraud 1']);
    expect(manager.textContent).toContain(
      '1 tag is only written in notes (#tag): the Tag filter lists it, and it is renamed by editing the notes.',
    );
    const filter = root.querySelector<HTMLSelectElement>('#filter-tag')!;
    expect([...filter.options].map((option) => option.textContent)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^heron\/lure/)]),
    );
  });

  it('renames nothing when the name is left as it was, and Escape gives the focus back to Rename', async () => {
    const s = services();
    const root = await mount(s);
    await act(async () => (root.querySelector('[aria-label="Rename #fraud"]') as HTMLButtonElement).click());
    await act(async () => (root.querySelector('.tag-manager form') as HTMLFormElement).requestSubmit());
    expect(s.renameTag).not.toHaveBeenCalled();
    await act(async () => (root.querySelector('[aria-label="Rename #fraud"]') as HTMLButtonElement).click());
    const field = root.querySelector('.tag-manager input') as HTMLInputElement;
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('.tag-manager input')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('[aria-label="Rename #fraud"]'));
  });

  it('says so when nothing is saved, and when the library cannot be read', async () => {
    const empty = await mount(services({ loadPages: async () => [], loadHighlights: async () => [] }));
    expect(empty.textContent).toContain('Nothing saved yet');
    const broken = await mount(
      services({
        loadHighlights: async () => {
          throw new Error('The database is blocked.');
        },
      }),
    );
    expect(broken.querySelector('[role="alert"]')?.textContent).toContain('The database is blocked.');
  });

  it('links to the settings page and the welcome page from its menu', async () => {
    const root = await mount(services());
    const links = [...root.querySelectorAll('nav[aria-label="Gloss"] a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Welcome and tips', 'welcome.html'],
      ['Settings', 'settings.html'],
    ]);
  });
});

describe('LibraryApp: editing a highlight where it is listed', () => {
  it('edits its note and colour through the background, and deletes it with undo', async () => {
    const record = data().annotations[0];
    const highlights = {
      update: vi.fn(async (id: string, changes: object) => ({ ...record, ...changes, id })),
      remove: vi.fn(async () => undefined),
      restore: vi.fn(async () => undefined),
    };
    const root = await mount(services({ highlights }));
    const item = [...root.querySelectorAll('.result-highlight')].find((li) => li.textContent?.includes('750 million')) as HTMLElement;
    await act(async () => button(item, 'Edit').click());
    const form = item.querySelector('form[aria-label="Edit highlight"]') as HTMLFormElement;
    const note = form.querySelector('textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(note);
    note.value = 'Scale of the fraud.';
    await act(async () => {
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (form.querySelector('input[value="blue"]') as HTMLInputElement).click());
    await act(async () => button(form as unknown as HTMLElement, 'Save').click());
    await act(async () => {});
    expect(highlights.update).toHaveBeenCalledWith('a', { color: 'blue', note: 'Scale of the fraud.' });
    expect(document.activeElement?.textContent).toBe('Edit');

    await act(async () => button(item, 'Delete').click());
    await act(async () => {});
    expect(highlights.remove).toHaveBeenCalledWith('a');
    const undo = root.querySelector('.undo-bar[role="status"]') as HTMLElement;
    expect(undo.textContent).toContain('Highlight deleted.');
    await act(async () => button(undo, 'Undo').click());
    expect(highlights.restore).toHaveBeenCalledWith(record);
  });
});
