// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActorPagesSearch } from '@/components/actor-pages-search';

async function mount(pagesFor: (name: string) => Promise<{ url: string; title: string; siteName: string | null }[]>) {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () =>
    render(<ActorPagesSearch suggest={async () => [{ canonical: 'Scattered Spider', aliases: ['UNC3944'] }]} pagesFor={pagesFor} />, root),
  );
  return root;
}

async function search(root: HTMLElement, name: string) {
  const input = root.querySelector('input')!;
  await act(async () => {
    input.value = name;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    root.querySelector('form')!.requestSubmit();
  });
  await act(async () => {});
}

afterEach(() => document.body.replaceChildren());

describe('ActorPagesSearch', () => {
  it('lists the saved pages that mention the actor, as links to web pages only', async () => {
    const pagesFor = vi.fn(async () => [
      { url: 'https://news.example/storm', title: 'Storm-1152 taken down', siteName: null },
      { url: 'javascript:alert(1)', title: '<b>odd</b>', siteName: null },
    ]);
    const root = await mount(pagesFor);
    await search(root, ' UNC3944 ');
    expect(pagesFor).toHaveBeenCalledWith('UNC3944');
    const list = root.querySelector('ul[aria-label="Saved pages mentioning UNC3944"]')!;
    expect([...list.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://news.example/storm']);
    expect(list.textContent).toContain('<b>odd</b>');
  });

  it('says so when no saved page names the actor', async () => {
    const root = await mount(async () => []);
    await search(root, 'APT99');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('No saved page mentions “APT99” under any of its names.');
  });
});
