// @vitest-environment jsdom
/** The library's "Obsidian vault" region (components/library/vault-section.tsx), with fake services. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeVaultReport } from '@/components/library/describe-vault';
import { LibraryApp } from '@/components/library/library-app';
import type { LibraryServices, VaultOutcome, VaultProgress, VaultServices } from '@/components/library/library-services';
import type { AnnotationRecord, PageRecord } from '@/lib/storage/records';

const STORM = 'https://news.example/storm-1152';
const BLOG = 'https://blog.example/heron';

const pages: PageRecord[] = [
  { url: STORM, title: 'Storm-1152 takedown', siteName: null, createdAt: 1, updatedAt: 2 },
  { url: BLOG, title: 'Crimson Heron', siteName: null, createdAt: 1, updatedAt: 1 },
];
const annotations: AnnotationRecord[] = pages.map((page, i) => ({
  id: `a${i}`,
  pageUrl: page.url,
  color: 'yellow',
  note: '',
  tags: [],
  createdAt: 1,
  updatedAt: 1,
  target: {
    quote: { type: 'TextQuoteSelector', exact: page.title!, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 5 },
  },
}));

function vault(overrides: Partial<VaultServices> = {}): VaultServices {
  return {
    supported: true,
    folderName: async () => null,
    choose: vi.fn(async () => 'My Vault'),
    forget: vi.fn(async () => undefined),
    update: vi.fn(async (): Promise<VaultOutcome> => ({
      ok: true,
      report: { created: ['Crimson Heron.md'], updated: ['Storm.md'], unchanged: 0, skipped: [] },
    })),
    ...overrides,
  };
}

function services(vaultServices: VaultServices): LibraryServices {
  return {
    loadPages: async () => pages,
    loadHighlights: async () => annotations,
    actorNames: async () => new Map(),
    open: vi.fn(async () => ({ ok: true })),
    exportPages: vi.fn(async () => ({ fileName: 'x.md', mimeType: 'text/markdown', data: '# x' })),
    save: vi.fn(),
    copy: vi.fn(async () => true),
    importBackup: vi.fn(async () => ({ ok: false as const, message: 'no' })),
    renameTag: vi.fn(async () => ({ annotations: 1, merged: false })),
    subscribe: () => () => undefined,
    highlights: { update: vi.fn(async () => null), remove: vi.fn(async () => undefined), restore: vi.fn(async () => undefined) },
    vault: vaultServices,
  };
}

async function mount(vaultServices: VaultServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<LibraryApp services={services(vaultServices)} />, root));
  for (let i = 0; i < 3; i++) await act(async () => {});
  return root;
}

/** The region is a <section> named by its heading. */
function region(root: HTMLElement): HTMLElement {
  const section = root.querySelector<HTMLElement>('section[aria-labelledby="vault-title"]')!;
  expect(section.querySelector('#vault-title')?.textContent).toBe('Obsidian vault');
  return section;
}
const button = (within: HTMLElement, name: string) =>
  [...within.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement | undefined;
const status = (root: HTMLElement) => root.querySelector('.status-line')?.textContent;

afterEach(() => document.body.replaceChildren());

describe('Obsidian vault region', () => {
  it('says why there is no vault writing where the browser cannot write folders, and points at Export Markdown', async () => {
    const root = await mount(vault({ supported: false }));
    const section = region(root);
    expect(section.textContent).toContain('This browser cannot write into a folder');
    expect(section.textContent).toContain('Export Markdown');
    expect(section.querySelectorAll('button')).toHaveLength(0);
  });

  it('chooses a folder, then offers Update vault with focus on it', async () => {
    const services = vault();
    const root = await mount(services);
    await act(async () => button(region(root), 'Choose vault folder…')!.click());
    await act(async () => {});
    expect(services.choose).toHaveBeenCalledOnce();
    expect(region(root).querySelector('.vault-folder')?.textContent).toBe('Folder: My Vault');
    expect(status(root)).toBe('Vault folder: My Vault. Update vault writes your notes there.');
    expect(document.activeElement).toBe(button(region(root), 'Update vault'));
  });

  it('changes nothing when the reader cancels the picker', async () => {
    const root = await mount(vault({ choose: vi.fn(async () => null) }));
    await act(async () => button(region(root), 'Choose vault folder…')!.click());
    expect(button(region(root), 'Choose vault folder…')).toBeDefined();
    expect(status(root)).toBe('');
  });

  it('shows progress while updating, then what was written and what was left alone, and why', async () => {
    let report: (progress: VaultProgress) => void = () => undefined;
    let finish: (outcome: VaultOutcome) => void = () => undefined;
    const services = vault({
      folderName: async () => 'My Vault',
      update: vi.fn((_urls: string[] | null, onProgress: (progress: VaultProgress) => void) => {
        report = onProgress;
        return new Promise<VaultOutcome>((resolve) => {
          finish = resolve;
        });
      }),
    });
    const root = await mount(services);
    await act(async () => button(region(root), 'Update vault')!.click());
    expect(services.update).toHaveBeenCalledWith(null, expect.any(Function));
    expect(status(root)).toBe('Updating the vault…');
    expect(button(region(root), 'Update vault')!.disabled).toBe(true);
    await act(async () => report({ phase: 'writing', done: 1, total: 2 }));
    // The pressed button is disabled while the update runs, and the browser drops its focus.
    (document.activeElement as HTMLElement | null)?.blur();
    const progress = region(root).querySelector('progress')!;
    expect(progress.getAttribute('aria-label')).toBe('Vault update progress');
    expect([progress.value, progress.max]).toEqual([1, 2]);
    expect(region(root).textContent).toContain('Writing notes: 1 of 2…');
    await act(async () =>
      finish({
        ok: true,
        report: { created: [], updated: ['Storm.md'], unchanged: 1, skipped: [{ what: 'Heron.md', reason: 'it has no Gloss block.' }] },
      }),
    );
    expect(region(root).querySelector('progress')).toBeNull();
    expect(status(root)).toBe(
      'Vault updated: 0 new notes, 1 note updated, 1 already up to date. 1 note was left as it was; the Obsidian vault section says why.',
    );
    expect(region(root).querySelector('.vault-skipped li')?.textContent).toBe('Heron.md: it has no Gloss block.');
    expect(button(region(root), 'Update vault')!.disabled).toBe(false);
    expect(document.activeElement).toBe(button(region(root), 'Update vault'));
  });

  it('leaves focus where the reader moved it during an update', async () => {
    let finish: (outcome: VaultOutcome) => void = () => undefined;
    const root = await mount(
      vault({
        folderName: async () => 'My Vault',
        update: vi.fn(
          () =>
            new Promise<VaultOutcome>((resolve) => {
              finish = resolve;
            }),
        ),
      }),
    );
    await act(async () => button(region(root), 'Update vault')!.click());
    const search = root.querySelector('input[type="search"]') as HTMLInputElement;
    search.focus();
    await act(async () => finish({ ok: true, report: { created: [], updated: [], unchanged: 2, skipped: [] } }));
    expect(document.activeElement).toBe(search);
  });

  it('updates only the pages shown when a search is active', async () => {
    const services = vault({ folderName: async () => 'My Vault' });
    const root = await mount(services);
    const box = root.querySelector('input[type="search"]') as HTMLInputElement;
    box.value = 'heron';
    await act(async () => {
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(region(root).textContent).toContain('Update vault writes the page shown');
    await act(async () => button(region(root), 'Update vault')!.click());
    expect(services.update).toHaveBeenCalledWith([BLOG], expect.any(Function));
  });

  it('puts a refusal in the status line as a problem', async () => {
    const root = await mount(
      vault({
        folderName: async () => 'My Vault',
        update: vi.fn(async () => ({ ok: false as const, message: 'Gloss may not write to “My Vault”.' })),
      }),
    );
    await act(async () => button(region(root), 'Update vault')!.click());
    expect(root.querySelector('.status-line .problem')?.textContent).toBe('Gloss may not write to “My Vault”.');
  });

  it('forgets the folder and says the notes stay', async () => {
    const services = vault({ folderName: async () => 'My Vault' });
    const root = await mount(services);
    await act(async () => button(region(root), 'Forget folder')!.click());
    expect(services.forget).toHaveBeenCalledOnce();
    expect(button(region(root), 'Choose vault folder…')).toBeDefined();
    expect(document.activeElement).toBe(button(region(root), 'Choose vault folder…'));
    expect(status(root)).toBe('Gloss forgot the vault folder. Your notes there stay as they are.');
  });
});

describe('describeVaultReport', () => {
  it('says when there was nothing to write', () => {
    expect(describeVaultReport({ created: [], updated: [], unchanged: 0, skipped: [] })).toBe(
      'Vault updated: nothing to write yet. Pages get a note once they have a highlight.',
    );
  });

  it('counts in words, and says where to read why notes were left alone', () => {
    expect(
      describeVaultReport({
        created: ['a.md', 'b.md'],
        updated: [],
        unchanged: 3,
        skipped: [
          { what: 'c', reason: 'x' },
          { what: 'd', reason: 'y' },
        ],
      }),
    ).toBe(
      'Vault updated: 2 new notes, 0 notes updated, 3 already up to date. 2 notes were left as they were; the Obsidian vault section says why.',
    );
  });
});
