import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  admitCaller,
  classifySender,
  isContentScriptOfTab,
  isExtensionUrl,
  isFromExtension,
  RefusedRequest,
} from '@/extension/background/callers';
import { contentScript, library, otherExtension, PAGE, popup, popupInTab, subFrame, TAB } from './fixtures';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('classifying the sender', () => {
  it("tells Gloss's own pages by their address, with or without a tab", () => {
    expect(classifySender(popup())).toEqual({ kind: 'extension-page', extensionUrl: fakeBrowser.runtime.getURL('/popup.html') });
    expect(classifySender(library())).toMatchObject({ kind: 'extension-page' });
    expect(classifySender(popupInTab())).toMatchObject({ kind: 'extension-page' });
  });

  it("binds a content script to its tab, its top frame and its page's normalised address", () => {
    expect(classifySender(contentScript(`${PAGE}?utm_source=x#top`))).toEqual({ kind: 'content-script', tabId: TAB, pageUrl: PAGE });
  });

  it.each([
    ['another extension', otherExtension(), 'Gloss answers only its own pages and its own content script'],
    [
      'a message with no sender id',
      { url: PAGE, tab: contentScript().tab, frameId: 0 },
      'Gloss answers only its own pages and its own content script',
    ],
    ['a content script in a sub-frame', subFrame(), 'Gloss answers content scripts only in the top frame of a page'],
    [
      'a content script with no frame id',
      { ...contentScript(), frameId: undefined },
      'Gloss answers content scripts only in the top frame of a page',
    ],
    ['a content script in a file: page', contentScript('file:///etc/passwd'), 'Gloss answers content scripts only in http and https pages'],
    [
      'a content script with no address',
      { ...contentScript(), url: undefined },
      'Gloss answers content scripts only in http and https pages',
    ],
    ['a web page without a tab', { id: fakeBrowser.runtime.id, url: PAGE }, 'the sender is neither a Gloss page nor a web page in a tab'],
    [
      'a tab without an id',
      { ...contentScript(), tab: { ...contentScript().tab!, id: undefined } },
      'the sender is neither a Gloss page nor a web page in a tab',
    ],
  ])('refuses %s', (_name, sender, refused) => {
    expect(classifySender(sender)).toEqual({ refused });
  });

  it("takes Gloss's in-page frame (an extension page framed in a web page's tab) for an extension page, never for that page's content script", () => {
    const frame = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/ui-frame.html'), tab: contentScript().tab, frameId: 5 };
    expect(classifySender(frame)).toEqual({ kind: 'extension-page', extensionUrl: fakeBrowser.runtime.getURL('/ui-frame.html') });
    expect(isContentScriptOfTab(frame, TAB)).toBe(false);
  });

  it.each([
    [
      'a web page in a tab, as it would reach an externally connectable extension',
      { url: PAGE, origin: 'https://news.example', tab: contentScript().tab, frameId: 0 },
    ],
    [
      "a web page claiming Gloss's id in its address",
      { url: `${PAGE}?id=${fakeBrowser.runtime.id}`, tab: contentScript().tab, frameId: 0 },
    ],
  ])("refuses %s: only the browser's account of the sender's id counts", (_name, sender) => {
    expect(classifySender(sender)).toEqual({ refused: 'Gloss answers only its own pages and its own content script' });
  });

  it.each([-1, 1.5, Number.NaN])('refuses a tab id of %s', (id) => {
    expect(classifySender({ ...contentScript(), tab: { ...contentScript().tab!, id } })).toEqual({
      refused: 'the sender is neither a Gloss page nor a web page in a tab',
    });
  });

  it("reads an extension address by the extension's own root only", () => {
    expect(isExtensionUrl(fakeBrowser.runtime.getURL('/library.html'))).toBe(true);
    expect(isExtensionUrl('chrome-extension://another-id/popup.html')).toBe(false);
    expect(isExtensionUrl(`https://evil.example/${fakeBrowser.runtime.getURL('/')}`)).toBe(false);
    expect(isExtensionUrl(undefined)).toBe(false);
  });
});

describe('admitting a caller for a request', () => {
  it('gives the handler the caller the contract allows', () => {
    expect(admitCaller('analyze-tab', popup())).toMatchObject({ kind: 'extension-page' });
    expect(admitCaller('create-annotation', contentScript())).toMatchObject({ kind: 'content-script', pageUrl: PAGE });
    expect(admitCaller('delete-annotation', popup())).toMatchObject({ kind: 'extension-page' });
    expect(admitCaller('delete-annotation', contentScript())).toMatchObject({ kind: 'content-script' });
  });

  it('throws a RefusedRequest with a plain message otherwise', () => {
    expect(() => admitCaller('tab-selection', contentScript())).toThrow(
      new RefusedRequest("tab-selection is answered only for Gloss's own pages."),
    );
    expect(() => admitCaller('page-annotations', library())).toThrow(
      new RefusedRequest("page-annotations is answered only for Gloss's content script in the page it runs in."),
    );
    expect(() => admitCaller('delete-annotation', subFrame())).toThrow(
      new RefusedRequest('delete-annotation: Gloss answers content scripts only in the top frame of a page.'),
    );
  });
});

describe('checking who sent a broadcast', () => {
  it('takes changes only from Gloss itself: the background (no tab) or an extension page', () => {
    expect(isFromExtension({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') })).toBe(true);
    expect(isFromExtension({ id: fakeBrowser.runtime.id })).toBe(true);
    expect(isFromExtension(popupInTab())).toBe(true);
    expect(isFromExtension(contentScript())).toBe(false);
    expect(isFromExtension(otherExtension())).toBe(false);
  });

  it('takes placement news only from the content script of the tab in question', () => {
    expect(isContentScriptOfTab(contentScript(PAGE, 5), 5)).toBe(true);
    expect(isContentScriptOfTab(contentScript(PAGE, 6), 5)).toBe(false);
    expect(isContentScriptOfTab({ ...subFrame(), tab: contentScript(PAGE, 5).tab }, 5)).toBe(false);
    expect(isContentScriptOfTab(popupInTab(), 12)).toBe(false);
  });
});
