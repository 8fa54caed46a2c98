import { describe, expect, it } from 'vitest';
import { previewList } from '@/lib/popup/preview-list';

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('previewList', () => {
  it('shows the first few of a long list and counts the rest', () => {
    expect(previewList(items(12), 5, false)).toEqual({ shown: [0, 1, 2, 3, 4], hidden: 7, collapsible: true });
  });
  it('shows everything once expanded, still offering to collapse', () => {
    expect(previewList(items(12), 5, true)).toEqual({ shown: items(12), hidden: 0, collapsible: true });
  });
  it('shows a list at most one longer than the limit whole: a button in place of one item saves nothing', () => {
    expect(previewList(items(5), 5, false)).toEqual({ shown: items(5), hidden: 0, collapsible: false });
    expect(previewList(items(6), 5, false)).toEqual({ shown: items(6), hidden: 0, collapsible: false });
    expect(previewList(items(7), 5, false).hidden).toBe(2);
  });
  it('shows everything without a limit, and nothing of an empty list', () => {
    expect(previewList(items(300), Infinity, false)).toEqual({ shown: items(300), hidden: 0, collapsible: false });
    expect(previewList([], 5, false)).toEqual({ shown: [], hidden: 0, collapsible: false });
  });
});
