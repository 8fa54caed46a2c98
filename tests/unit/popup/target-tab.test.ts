import { describe, expect, it } from 'vitest';
import { panelTargetFromSearch, tabIdFromSearch } from '@/lib/popup/target-tab';

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

describe('panelTargetFromSearch', () => {
  it('shows one tab with ?tab=<id>, as the popup', () => {
    expect(panelTargetFromSearch('?tab=12')).toEqual({ follow: 'tab', tabId: 12 });
    expect(panelTargetFromSearch('?tab=12&window=3')).toEqual({ follow: 'tab', tabId: 12 });
  });
  it('follows the active tab of a window with ?window=<id>', () => {
    expect(panelTargetFromSearch('?window=3')).toEqual({ follow: 'window', windowId: 3 });
  });
  it('follows its own window otherwise, malformed parameters included', () => {
    expect(panelTargetFromSearch('')).toEqual({ follow: 'own-window' });
    expect(panelTargetFromSearch('?window=-1&tab=x')).toEqual({ follow: 'own-window' });
  });
});
