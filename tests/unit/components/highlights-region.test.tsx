// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightsRegion } from '@/components/highlights-region';
import type { HighlightServices } from '@/components/popup-services';
import type { HighlightState, TabHighlightsResult } from '@/lib/messaging/contract';
import type { AnnotationRecord } from '@/lib/storage/records';

function record(id: string, exact: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id,
    pageUrl: 'https://news.example/a',
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

const states: HighlightState[] = [
  { record: record('a', 'First <b>quote</b>', { note: 'a note', tags: ['fraud', 'apt'] }), status: 'anchored', start: 10, end: 30 },
  { record: record('b', 'Gone passage', { color: 'green' }), status: 'orphan', start: 50, end: 62 },
];

function services(result: TabHighlightsResult, overrides: Partial<HighlightServices> = {}): HighlightServices {
  return {
    load: async () => result,
    scrollTo: async () => true,
    update: async () => null,
    remove: async () => undefined,
    restore: async () => undefined,
    reattach: async () => ({ ok: true }),
    subscribe: () => () => undefined,
    ...overrides,
  };
}

async function mount(s: HighlightServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<HighlightsRegion services={s} />, root));
  await act(async () => {});
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('HighlightsRegion', () => {
  it('is a region named Highlights with one list item per highlight, in the order given', async () => {
    const root = await mount(services({ ok: true, pageUrl: 'x', highlights: states }));
    const region = root.querySelector('section');
    expect(document.getElementById(region?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Highlights (2)');
    const items = root.querySelectorAll('.highlight-list > li');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('First <b>quote</b>');
    expect(items[0].querySelector('b')).toBeNull();
    expect(items[0].textContent).toContain('a note');
    expect(items[0].textContent).toContain('#fraud');
  });

  it('keeps an orphan listed as not found, with re-attach and delete', async () => {
    const remove = vi.fn(async () => undefined);
    const root = await mount(services({ ok: true, pageUrl: 'x', highlights: states }, { remove }));
    const orphan = root.querySelectorAll('.highlight-list > li')[1];
    expect(orphan.textContent).toContain('Not found on this page');
    expect(orphan.textContent).toContain('Gone passage');
    const buttons = [...orphan.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Re-attach to selection', 'Edit', 'Delete']);
    await act(async () => (orphan.querySelectorAll('button')[2] as HTMLButtonElement).click());
    expect(remove).toHaveBeenCalledWith('b');
  });

  it('explains why re-attaching did not work', async () => {
    const reattach = vi.fn(async () => ({ ok: false, message: 'Select the passage in the page first.' }));
    const root = await mount(services({ ok: true, pageUrl: 'x', highlights: states }, { reattach }));
    await act(async () => (root.querySelector('.orphan button') as HTMLButtonElement).click());
    expect(root.textContent).toContain('Select the passage in the page first.');
  });

  it('scrolls to an anchored highlight when its quote is chosen', async () => {
    const scrollTo = vi.fn(async () => true);
    const root = await mount(services({ ok: true, pageUrl: 'x', highlights: states }, { scrollTo }));
    await act(async () => (root.querySelector('.quote-button') as HTMLButtonElement).click());
    expect(scrollTo).toHaveBeenCalledWith('a');
  });

  it('refreshes when told the highlights changed', async () => {
    let notify = () => {};
    const load = vi.fn(async (): Promise<TabHighlightsResult> => ({ ok: true, pageUrl: 'x', highlights: [] }));
    const root = await mount(
      services(
        { ok: true, pageUrl: 'x', highlights: [] },
        {
          load,
          subscribe: (cb) => {
            notify = cb;
            return () => {};
          },
        },
      ),
    );
    expect(root.textContent).toContain('Select text on the page');
    load.mockResolvedValueOnce({ ok: true, pageUrl: 'x', highlights: states });
    await act(async () => notify());
    await act(async () => {});
    expect(root.querySelectorAll('.highlight-list > li')).toHaveLength(2);
  });

  it('asks for a reload on a tab that has no content script yet', async () => {
    const root = await mount(services({ ok: false, reason: 'no-content-script' }));
    expect(root.textContent).toContain('Reload the page');
  });
});

describe('HighlightsRegion: editing where the highlights are listed', () => {
  const input = (element: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const button = (root: ParentNode, name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

  it('edits colour, note and tags, saving only what changed, and puts focus back on Edit', async () => {
    const update = vi.fn(async (id: string) => ({ ...states[0].record, id }));
    const root = await mount(services({ ok: true, pageUrl: 'x', highlights: states }, { update }));
    const item = root.querySelectorAll('.highlight-list > li')[0];
    await act(async () => button(item, 'Edit').click());
    const form = item.querySelector('form[aria-label="Edit highlight"]') as HTMLFormElement;
    expect(document.activeElement).toBe(form.querySelector('textarea'));
    await act(async () => (form.querySelector('input[value="pink"]') as HTMLInputElement).click());
    await act(async () => input(form.querySelector('textarea')!, 'a better note'));
    await act(async () => input(form.querySelector('input[type="text"]') as HTMLInputElement, 'fraud, social engineering'));
    expect(form.textContent).toContain('Saved as #fraud #social-engineering');
    await act(async () => button(form, 'Save').click());
    await act(async () => {});
    expect(update).toHaveBeenCalledWith('a', { color: 'pink', note: 'a better note', tags: ['fraud', 'social-engineering'] });
    expect(item.querySelector('form')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Edit');
  });

  it('closes without saving on Escape, and says so when the highlight is gone', async () => {
    const update = vi.fn(async () => null);
    const root = await mount(services({ ok: true, pageUrl: 'x', highlights: states }, { update }));
    const item = root.querySelectorAll('.highlight-list > li')[0];
    await act(async () => button(item, 'Edit').click());
    await act(async () => {
      item.querySelector('form')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(item.querySelector('form')).toBeNull();
    expect(update).not.toHaveBeenCalled();

    await act(async () => button(item, 'Edit').click());
    await act(async () => input(item.querySelector('textarea')!, 'changed'));
    await act(async () => {
      item.querySelector('form')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    await act(async () => {});
    expect(update).toHaveBeenCalledWith('a', { note: 'changed' });
    expect(item.querySelector('[role="alert"]')?.textContent).toBe('That highlight no longer exists.');
  });

  it('deletes with undo: Undo takes focus and puts the very record back', async () => {
    const remove = vi.fn(async () => undefined);
    const restore = vi.fn(async () => undefined);
    const root = await mount(services({ ok: true, pageUrl: 'x', highlights: states }, { remove, restore }));
    await act(async () => button(root.querySelectorAll('.highlight-list > li')[0], 'Delete').click());
    await act(async () => {});
    expect(remove).toHaveBeenCalledWith('a');
    const status = root.querySelector('.undo-bar') as HTMLElement;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('Highlight deleted.');
    expect(document.activeElement?.textContent).toBe('Undo');
    await act(async () => button(status, 'Undo').click());
    expect(restore).toHaveBeenCalledWith(states[0].record);
    expect(root.querySelector('.undo-bar')).toBeNull();
  });

  it('shows a few of a long list, then "Show all (n)"', async () => {
    const many = Array.from({ length: 9 }, (_, i) => ({
      record: record(`h${i}`, `Quote ${i}`),
      status: 'anchored' as const,
      start: i,
      end: i + 1,
    }));
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(async () => render(<HighlightsRegion services={services({ ok: true, pageUrl: 'x', highlights: many })} limit={5} />, root));
    await act(async () => {});
    expect(root.querySelectorAll('.highlight-list > li')).toHaveLength(5);
    const more = root.querySelector('.show-all') as HTMLButtonElement;
    expect(more.textContent).toBe('Show all (9) highlights');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await act(async () => more.click());
    expect(root.querySelectorAll('.highlight-list > li')).toHaveLength(9);
    expect(more.textContent).toBe('Show fewer highlights');
  });
});
