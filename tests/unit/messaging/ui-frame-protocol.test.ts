import { describe, expect, it } from 'vitest';
import { isFrameToPage } from '@/lib/messaging/ui-frame-protocol';
import { HIGHLIGHT_COLORS } from '@/lib/storage/records';

const is = (message: unknown) => isFrameToPage(message, HIGHLIGHT_COLORS);

describe('messages from the UI frame', () => {
  it('accepts what the frame sends', () => {
    expect(is({ type: 'size', seq: 3, width: 328, height: 67 })).toBe(true);
    expect(is({ type: 'highlight', color: 'pink', withNote: true })).toBe(true);
    expect(is({ type: 'draft', draft: { color: 'blue', note: 'A note', tags: 'apt, fraud' } })).toBe(true);
    expect(is({ type: 'close' })).toBe(true);
    expect(is({ type: 'delete' })).toBe(true);
    expect(is({ type: 'undo' })).toBe(true);
    expect(is({ type: 'edit' })).toBe(true);
    expect(is({ type: 'merge', color: 'blue' })).toBe(true);
    expect(is({ type: 'step', direction: -1 })).toBe(true);
  });

  it('refuses anything else, so a malformed message changes nothing in the page', () => {
    expect(is(null)).toBe(false);
    expect(is('close')).toBe(false);
    expect(is({ type: 'delete-everything' })).toBe(false);
    expect(is({ type: 'highlight', color: 'red', withNote: false })).toBe(false);
    expect(is({ type: 'highlight', color: 'yellow' })).toBe(false);
    expect(is({ type: 'size', seq: 1.5, width: 1, height: 1 })).toBe(false);
    expect(is({ type: 'size', seq: 1, width: Number.NaN, height: 1 })).toBe(false);
    expect(is({ type: 'draft', draft: null })).toBe(false);
    expect(is({ type: 'draft', draft: { color: 'blue', note: 'x'.repeat(100_001), tags: '' } })).toBe(false);
    expect(is({ type: 'draft', draft: { color: 'blue', note: 'n', tags: ['a'] } })).toBe(false);
    expect(is({ type: 'merge', color: 'red' })).toBe(false);
    expect(is({ type: 'step', direction: 2 })).toBe(false);
    expect(is({ type: 'step' })).toBe(false);
  });
});
