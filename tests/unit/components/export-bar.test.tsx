// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportBar } from '@/components/export-bar';
import type { ExportServices } from '@/components/popup-services';

const file = { ok: true as const, fileName: 'Report.md', mimeType: 'text/markdown', text: '# Report' };

async function mount(services: ExportServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<ExportBar services={services} />, root));
  return root;
}

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

afterEach(() => document.body.replaceChildren());

describe('ExportBar', () => {
  it('downloads each format at once, and says which file it saved', async () => {
    const save = vi.fn();
    const exportPage = vi.fn(async () => file);
    const root = await mount({ exportPage, save, copy: async () => true, openLibrary: vi.fn() });
    for (const [name, format] of [
      ['Export Markdown', 'markdown'],
      ['Export JSON', 'json'],
      ['Export STIX', 'stix'],
    ]) {
      await act(async () => button(root, name).click());
      expect(exportPage).toHaveBeenLastCalledWith(format);
    }
    expect(save).toHaveBeenCalledTimes(3);
    expect(save).toHaveBeenCalledWith({ fileName: 'Report.md', mimeType: 'text/markdown', data: '# Report' });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved Report.md.');
  });

  it('copies Markdown instead of downloading it, and says when the browser refuses', async () => {
    const save = vi.fn();
    const copy = vi.fn(async () => false);
    const root = await mount({ exportPage: async () => file, save, copy, openLibrary: vi.fn() });
    await act(async () => button(root, 'Copy Markdown').click());
    await act(async () => {});
    expect(copy).toHaveBeenCalledWith('# Report');
    expect(save).not.toHaveBeenCalled();
    expect(root.querySelector('[role="status"]')?.textContent).toMatch(/did not allow copying/);
  });

  it('shows why a page cannot be exported', async () => {
    const root = await mount({
      exportPage: async () => ({ ok: false, message: 'Nothing from this page is saved yet.' }),
      save: vi.fn(),
      copy: vi.fn(),
      openLibrary: vi.fn(),
    });
    await act(async () => button(root, 'Export STIX').click());
    expect(root.querySelector('.export-status.problem')?.textContent).toBe('Nothing from this page is saved yet.');
  });

  it('opens the library', async () => {
    const openLibrary = vi.fn();
    const root = await mount({ exportPage: async () => file, save: vi.fn(), copy: vi.fn(), openLibrary });
    await act(async () => button(root, 'Open library').click());
    expect(openLibrary).toHaveBeenCalledOnce();
  });
});
