// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncRegion } from '@/components/library/sync-region';
import type { SyncServices } from '@/components/library/sync-services';
import type { SyncStatus, SyncView } from '@/lib/sync/sync-status';

const OFF: SyncView = {
  serverUrl: '',
  user: '',
  hasPassword: false,
  hasPassphrase: false,
  enabled: false,
  status: { state: 'off', at: null, message: 'Sync is not set up.' },
};

function services(view: SyncView, overrides: Partial<SyncServices> = {}): SyncServices & { emit: (status: SyncStatus) => void } {
  let listener: ((status: SyncStatus) => void) | null = null;
  return {
    view: vi.fn(async () => view),
    askToSend: vi.fn(async () => true),
    setUp: vi.fn(async () => ({ state: 'synced' as const, at: Date.UTC(2026, 0, 1, 12, 0, 0), message: 'Sent 3 changes.' })),
    turnOff: vi.fn(async () => ({ state: 'off' as const, at: null, message: 'Sync is off.' })),
    forget: vi.fn(async () => ({ state: 'off' as const, at: null, message: 'Forgotten.' })),
    startOver: vi.fn(async () => ({ state: 'synced' as const, at: 1, message: '' })),
    subscribe: (callback) => {
      listener = callback;
      return () => (listener = null);
    },
    emit: (status) => listener?.(status),
    ...overrides,
  };
}

/** The roots mounted by a test, unmounted after it. */
const mounted: HTMLElement[] = [];

async function mount(fake: SyncServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  mounted.push(root);
  await act(async () => render(<SyncRegion services={fake} />, root));
  await act(async () => {});
  return root;
}

const region = (root: HTMLElement) => root.querySelector('section[aria-labelledby]') as HTMLElement;
const box = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('label')]
    .find((label) => label.firstChild?.textContent?.trim() === name)
    ?.querySelector('input') as HTMLInputElement;
const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement | undefined;
/** Waits until the region has finished `count` actions (each ends with a status and a fresh view). */
const finished = async (root: HTMLElement, count: number) =>
  vi.waitFor(async () => {
    await act(async () => {});
    expect(root.querySelector('[role="status"]')?.getAttribute('data-finished')).toBe(String(count));
  });
const type = async (input: HTMLInputElement, value: string) =>
  act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

// Unmounted, not only detached: a mounted tree's effects are still scheduled (preact runs them after the
// next frame, or a 35 ms timer), and one that fires after the last test finds jsdom gone
// ("cancelAnimationFrame is not defined"; tests/support/preact-teardown.ts covers a file's last render).
afterEach(async () => {
  for (const root of mounted.splice(0)) await act(async () => render(null, root));
  document.body.replaceChildren();
});

describe('SyncRegion', () => {
  it('is a region named Sync with the four text boxes, and sends what was typed on "Sync now"', async () => {
    const fake = services(OFF);
    const root = await mount(fake);
    expect(root.querySelector(`#${region(root).getAttribute('aria-labelledby')}`)?.textContent).toBe('Sync');
    for (const name of ['Server address', 'User name', 'Password', 'Passphrase']) expect(box(root, name)).toBeTruthy();
    // The secrets are text boxes, masked by style, so the browser offers no password saving for them.
    expect(box(root, 'Passphrase').type).toBe('text');
    expect(box(root, 'Passphrase').className).toBe('secret');
    await type(box(root, 'Server address'), 'https://cloud.example/remote.php/dav/files/me/');
    await type(box(root, 'User name'), 'me');
    await type(box(root, 'Password'), 'app-password');
    await type(box(root, 'Passphrase'), 'long passphrase');
    // Firefox prompts for consent only during the click itself, so it is asked before anything is awaited:
    // by the time the submit event has gone through the form.
    let askedDuringClick = false;
    const click = button(root, 'Sync now')!;
    document.addEventListener('submit', () => {
      askedDuringClick = (fake.askToSend as ReturnType<typeof vi.fn>).mock.calls.length > 0;
    });
    await act(async () => click.click());
    expect(askedDuringClick).toBe(true);
    await finished(root, 1);
    expect(fake.setUp).toHaveBeenCalledWith({
      serverUrl: 'https://cloud.example/remote.php/dav/files/me/',
      user: 'me',
      password: 'app-password',
      passphrase: 'long passphrase',
    });
    const status = root.querySelector('[role="status"]')!;
    expect(status.textContent).toMatch(/^Synced at .+\. Sent 3 changes\.$/);
    expect(status.getAttribute('data-finished')).toBe('1');
    // Typed secrets are cleared once sent; the boxes then say a stored one is kept.
    expect(box(root, 'Passphrase').value).toBe('');
  });

  it('shows problems in plain words, and statuses the background announces', async () => {
    const fake = services(OFF, {
      setUp: vi.fn(async () => ({
        state: 'problem' as const,
        at: null,
        message: 'The passphrase is not the one this sync folder was set up with. Nothing was sent or changed.',
      })),
    });
    const root = await mount(fake);
    await act(async () => button(root, 'Sync now')!.click());
    await finished(root, 1);
    expect(root.querySelector('[role="status"] .problem')?.textContent).toMatch(/passphrase is not the one/);
    await act(async () => fake.emit({ state: 'synced', at: Date.UTC(2026, 0, 1), message: 'Nothing new.' }));
    expect(root.querySelector('[role="status"]')?.textContent).toMatch(/^Synced at .+Nothing new\.$/);
  });

  it('offers turning off, forgetting and starting over (after a confirmation) once set up', async () => {
    const on: SyncView = {
      serverUrl: 'https://dav.example/',
      user: 'me',
      hasPassword: true,
      hasPassphrase: true,
      enabled: true,
      status: { state: 'synced', at: 1, message: '' },
    };
    const fake = services(on);
    const root = await mount(fake);
    expect(box(root, 'Server address').value).toBe('https://dav.example/');
    expect(box(root, 'Password').placeholder).toMatch(/leave empty to keep/);
    await act(async () => button(root, 'Start over from this device')!.click());
    expect(root.textContent).toMatch(/deletes every Gloss file in the sync folder/);
    // The confirmation takes the focus, on the choice that changes nothing; Cancel gives it back.
    expect(document.activeElement).toBe(button(root, 'Cancel'));
    await act(async () => button(root, 'Cancel')!.click());
    expect(document.activeElement).toBe(button(root, 'Start over from this device'));
    await act(async () => button(root, 'Start over from this device')!.click());
    expect(fake.startOver).not.toHaveBeenCalled();
    await act(async () => button(root, 'Yes, start over')!.click());
    await act(async () => {});
    expect(fake.startOver).toHaveBeenCalledTimes(1);
    await act(async () => button(root, 'Turn sync off')!.click());
    await act(async () => {});
    expect(fake.turnOff).toHaveBeenCalledTimes(1);
    await act(async () => button(root, 'Forget credentials')!.click());
    await act(async () => {});
    expect(fake.forget).toHaveBeenCalledTimes(1);
    expect(box(root, 'Server address').value).toBe('');
  });
});
