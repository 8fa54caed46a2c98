// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { keepQueryInAddress, queryFromAddress } from '@/extension/library/query-in-address';

afterEach(() => history.replaceState(null, '', '/library.html'));

describe('the library search in its address', () => {
  it('reads the search a wikilink opened the library with', () => {
    history.replaceState(null, '', '/library.html?q=Octo%20Tempest');
    expect(queryFromAddress()).toBe('Octo Tempest');
    history.replaceState(null, '', '/library.html');
    expect(queryFromAddress()).toBe('');
  });

  it('keeps each search in the address without adding history entries, and drops an empty one', () => {
    history.replaceState(null, '', '/library.html');
    const entries = history.length;
    keepQueryInAddress('#fraud "750 million"');
    expect(queryFromAddress()).toBe('#fraud "750 million"');
    expect(location.pathname).toBe('/library.html');
    keepQueryInAddress('');
    expect(location.search).toBe('');
    expect(history.length).toBe(entries);
  });
});
