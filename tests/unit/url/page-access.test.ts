import { describe, expect, it } from 'vitest';
import { isSafeLinkUrl, unreadableReasonForError, unreadableReasonForUrl } from '@/lib/url/page-access';

describe('unreadableReasonForUrl', () => {
  it.each([
    ['chrome://settings/', 'browser-page'],
    ['about:preferences', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://newtab/', 'browser-page'],
    ['moz-extension://abc/popup.html', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf'],
    ['https://chromewebstore.google.com/detail/x/abc', 'extension-store'],
    ['https://chrome.google.com/webstore/category/extensions', 'extension-store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'extension-store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'extension-store'],
  ])('%s is off limits (%s)', (url, reason) => {
    expect(unreadableReasonForUrl(url)).toBe(reason);
  });

  it.each([
    'https://www.example.com/article',
    'http://127.0.0.1:8080/storm-1152.html',
    'file:///home/me/saved.html',
    'https://chrome.google.com/search-not-the-store',
  ])('%s may be readable', (url) => {
    expect(unreadableReasonForUrl(url)).toBeNull();
  });

  it('leaves unknown or unparseable addresses to the injection attempt', () => {
    expect(unreadableReasonForUrl(undefined)).toBeNull();
    expect(unreadableReasonForUrl('')).toBeNull();
    expect(unreadableReasonForUrl('::not a url')).toBeNull();
  });
});

describe('unreadableReasonForError', () => {
  it('recognises the browsers’ refusals', () => {
    expect(unreadableReasonForError('Cannot access a chrome:// URL', undefined)).toBe('browser-page');
    expect(unreadableReasonForError('The extensions gallery cannot be scripted.', undefined)).toBe('extension-store');
    expect(
      unreadableReasonForError(
        'Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.',
        'file:///tmp/a.html',
      ),
    ).toBe('file-access');
    expect(unreadableReasonForError('Missing host permission for the tab', undefined)).toBe('restricted');
    expect(unreadableReasonForError('No tab with id: 42.', undefined)).toBe('no-tab');
  });

  it('recognises a refused PDF by its address', () => {
    expect(unreadableReasonForError('Missing host permission for the tab', 'https://example.com/report.PDF')).toBe('pdf');
  });

  it('trusts a known address over the message', () => {
    expect(unreadableReasonForError('Missing host permission for the tab', 'about:robots')).toBe('browser-page');
  });

  it('reports anything else as a failure', () => {
    expect(unreadableReasonForError('Unexpected token <', 'https://example.com/')).toBe('failed');
  });
});

describe('isSafeLinkUrl', () => {
  it('allows only web addresses', () => {
    expect(isSafeLinkUrl('https://attack.mitre.org/groups/G1015/')).toBe(true);
    expect(isSafeLinkUrl('http://example.com')).toBe(true);
    expect(isSafeLinkUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeLinkUrl('data:text/html,<script>')).toBe(false);
    expect(isSafeLinkUrl('/relative')).toBe(false);
  });
});
