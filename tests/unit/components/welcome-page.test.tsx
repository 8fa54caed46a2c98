// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WelcomePage } from '@/components/welcome/welcome-page';
import type { WelcomeServices } from '@/components/welcome/welcome-services';

async function mount(services: WelcomeServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<WelcomePage services={services} />, root));
  await act(async () => {});
  return root;
}

const services = (shortcut: string | null): WelcomeServices => ({
  shortcut: async () => shortcut,
  openShortcutSettings: vi.fn(async () => true),
  openLibrary: vi.fn(async () => {}),
  openSettings: vi.fn(async () => {}),
});

const button = (root: HTMLElement, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

afterEach(() => document.body.replaceChildren());

describe('WelcomePage', () => {
  it('says how to highlight, where things are, what stays local and how to pause a site, one section each', async () => {
    const root = await mount(services('Alt+Shift+H'));
    expect(root.querySelector('h1')?.textContent).toBe('Welcome to Gloss');
    expect([...root.querySelectorAll('section h2')].map((h) => h.textContent)).toEqual([
      'Highlight a passage',
      'Find it again',
      'What stays on this device',
      'Pause Gloss on a site',
      'Make it yours',
    ]);
    expect(root.textContent).toContain('Highlight selection');
    expect(root.textContent).toContain('Notes are Markdown, as Obsidian writes it');
    expect(root.textContent).toContain('Pause Gloss on this site');
  });

  it('shows the shortcut the browser has now, or says none is set', async () => {
    expect((await mount(services('Ctrl+Shift+K'))).querySelector('kbd')?.textContent).toBe('Ctrl+Shift+K');
    expect((await mount(services(null))).querySelector('kbd')?.textContent).toBe('no shortcut set');
  });

  it('opens the browser’s shortcut settings, the library and the settings page', async () => {
    const fake = services('Alt+Shift+H');
    const root = await mount(fake);
    await act(async () => button(root, 'Change the shortcut').click());
    await act(async () => button(root, 'Open the library').click());
    await act(async () => button(root, 'Open settings').click());
    expect(fake.openShortcutSettings).toHaveBeenCalledOnce();
    expect(fake.openLibrary).toHaveBeenCalledOnce();
    expect(fake.openSettings).toHaveBeenCalledOnce();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('');
  });

  it('says where Firefox keeps shortcuts when the browser cannot open that page itself', async () => {
    const fake = { ...services('Alt+Shift+H'), openShortcutSettings: vi.fn(async () => false) };
    const root = await mount(fake);
    await act(async () => button(root, 'Change the shortcut').click());
    await act(async () => {});
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Change it in about:addons → gear menu → Manage Extension Shortcuts.');
  });
});
