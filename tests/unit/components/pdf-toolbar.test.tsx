// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfToolbar } from '@/components/pdf/pdf-toolbar';

const noop = () => undefined;

async function mount(pageNumber: number, onGoToPage: (page: number) => void, root = document.createElement('main')) {
  if (!root.isConnected) document.body.replaceChildren(root);
  await act(async () =>
    render(
      <PdfToolbar
        title="Report"
        pageNumber={pageNumber}
        pageCount={120}
        scale={1}
        outlineOpen={false}
        onToggleOutline={noop}
        onGoToPage={onGoToPage}
        onZoomIn={noop}
        onZoomOut={noop}
        onFitWidth={noop}
        onFind={noop}
        onSave={noop}
        onOpenFile={noop}
      />,
      root,
    ),
  );
  return root;
}

async function type(field: HTMLInputElement, value: string) {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => document.body.replaceChildren());

describe('the PDF viewer’s page number field', () => {
  it('keeps what the reader types when the page in view changes meanwhile', async () => {
    const onGoToPage = vi.fn();
    const root = await mount(2, onGoToPage);
    const field = root.querySelector<HTMLInputElement>('input[aria-label="Page number"]')!;
    field.focus();
    await type(field, '6');
    // The pages settle after a scroll, and the page in view becomes 3 while the reader types.
    await mount(3, onGoToPage, root);
    expect(field.value).toBe('6');
    await type(field, '60');
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(onGoToPage).toHaveBeenCalledWith(60);
  });

  it('shows the page in view when the reader is not typing in it', async () => {
    const root = await mount(2, noop);
    const field = root.querySelector<HTMLInputElement>('input[aria-label="Page number"]')!;
    await mount(7, noop, root);
    expect(field.value).toBe('7');
  });
});
