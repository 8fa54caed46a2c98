import { describe, expect, it } from 'vitest';
import { tabIdFromSearch } from '@/lib/popup/target-tab';

describe('tabIdFromSearch', () => {
  it('reads ?tab=<id>', () => {
    expect(tabIdFromSearch('?tab=123')).toBe(123);
    expect(tabIdFromSearch('?x=1&tab=7')).toBe(7);
  });
  it('means the active tab when absent or malformed', () => {
    expect(tabIdFromSearch('')).toBeNull();
    expect(tabIdFromSearch('?tab=')).toBeNull();
    expect(tabIdFromSearch('?tab=-1')).toBeNull();
    expect(tabIdFromSearch('?tab=12abc')).toBeNull();
    expect(tabIdFromSearch('?tab=99999999999999999999')).toBeNull();
  });
});
