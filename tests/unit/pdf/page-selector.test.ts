import { describe, expect, it } from 'vitest';
import { pageFragmentSelector, pageLink, pageOfFragment } from '@/lib/pdf/page-selector';

describe('the page selector of a PDF highlight', () => {
  it('is a W3C FragmentSelector "page=N" conforming to the PDF fragment specification (RFC 3778)', () => {
    expect(pageFragmentSelector(3)).toEqual({ type: 'FragmentSelector', value: 'page=3', conformsTo: 'http://tools.ietf.org/rfc/rfc3778' });
  });

  it('is only made for page numbers', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 1e7]) expect(() => pageFragmentSelector(bad)).toThrow(RangeError);
  });

  it('gives its page back, and nothing for other fragments', () => {
    expect(pageOfFragment('page=12')).toBe(12);
    for (const other of ['page=0', 'page=', 'page=3&zoom=200', 'Page=3', 't=10,20', 'xywh=1,2,3,4', 'page=12345678', ' page=3']) {
      expect(pageOfFragment(other)).toBeNull();
    }
  });

  it('links to the page: <url>#page=N, replacing any fragment the address had', () => {
    expect(pageLink('https://vendor.example/r.pdf', 4)).toBe('https://vendor.example/r.pdf#page=4');
    expect(pageLink('https://vendor.example/r.pdf?dl=1#page=2', 4)).toBe('https://vendor.example/r.pdf?dl=1#page=4');
  });
});
