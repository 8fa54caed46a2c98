// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveFile } from '@/extension/files/save-file';

function clickedLink(): { link: HTMLAnchorElement | null; restore: () => void } {
  const seen: { link: HTMLAnchorElement | null } = { link: null };
  const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    seen.link = this;
  });
  return {
    get link() {
      return seen.link;
    },
    restore: () => spy.mockRestore(),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('saving a file', () => {
  it('downloads a small file as a data: address, which outlives a closing popup', () => {
    const click = clickedLink();
    saveFile({ fileName: 'note.md', mimeType: 'text/markdown', data: '# Héllo' });
    expect(click.link?.download).toBe('note.md');
    expect(click.link?.href).toBe(`data:text/markdown;base64,${Buffer.from('# Héllo').toString('base64')}`);
    expect(document.body.contains(click.link)).toBe(false);
  });

  it('downloads a large file as a blob: address, revoked a minute later', () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:gloss/1';
    });
    URL.revokeObjectURL = vi.fn();
    const click = clickedLink();
    saveFile({ fileName: 'all.json', mimeType: 'application/json', data: 'x'.repeat(2_000_000) });
    expect(click.link?.href).toBe('blob:gloss/1');
    expect(created[0].size).toBe(2_000_000);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:gloss/1');
    vi.useRealTimers();
  });
});
