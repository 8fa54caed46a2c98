import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { highlightServicesFor } from '@/extension/popup/highlight-services';
import { contentScript, PAGE, popupInTab, subFrame, type Sender } from '../background/fixtures';

beforeEach(() => {
  fakeBrowser.reset();
});

const POPUP_TAB = 5;

/** Delivers a broadcast to the popup's listeners as the browser would. */
const deliver = (message: unknown, sender: Sender) => fakeBrowser.runtime.onMessage.trigger(message, sender);

describe('the popup listens for changes only from those who may announce them', () => {
  it('refreshes on annotations-changed from the background or a Gloss page, not from a content script', async () => {
    const onChange = vi.fn();
    const unsubscribe = highlightServicesFor(POPUP_TAB).subscribe(onChange);
    const changed = { type: 'annotations-changed', pageUrls: [PAGE] };
    await deliver(changed, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') });
    await deliver(changed, popupInTab());
    expect(onChange).toHaveBeenCalledTimes(2);
    await deliver(changed, contentScript(PAGE, POPUP_TAB));
    await deliver(changed, { id: 'some-other-extension' });
    expect(onChange).toHaveBeenCalledTimes(2);
    unsubscribe();
    await deliver(changed, { id: fakeBrowser.runtime.id });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it("refreshes on highlights-placed only from its own tab's content script, in the top frame", async () => {
    const onChange = vi.fn();
    highlightServicesFor(POPUP_TAB).subscribe(onChange);
    const placed = { type: 'highlights-placed' };
    await deliver(placed, contentScript(PAGE, POPUP_TAB));
    expect(onChange).toHaveBeenCalledTimes(1);
    await deliver(placed, contentScript(PAGE, POPUP_TAB + 1));
    await deliver(placed, { ...subFrame(), tab: contentScript(PAGE, POPUP_TAB).tab });
    await deliver(placed, { ...contentScript(PAGE, POPUP_TAB), id: 'some-other-extension' });
    await deliver(placed, { id: fakeBrowser.runtime.id });
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('the popup of a tab showing Gloss’s PDF viewer', () => {
  const viewerUrl = () => `${fakeBrowser.runtime.getURL('/pdf.html')}?file=${encodeURIComponent('https://vendor.example/report.pdf')}`;
  const viewerIn = (tabId: number, fields: Partial<Sender> = {}): Sender => ({
    id: fakeBrowser.runtime.id,
    url: viewerUrl(),
    tab: { ...contentScript(PAGE, tabId).tab!, url: viewerUrl() },
    frameId: 0,
    ...fields,
  });

  it('refreshes on highlights-placed from the viewer in its own tab, as from a page’s content script', async () => {
    const onChange = vi.fn();
    highlightServicesFor(POPUP_TAB).subscribe(onChange);
    await deliver({ type: 'highlights-placed' }, viewerIn(POPUP_TAB));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('takes it from no viewer in another tab or a frame, no other Gloss page, and no other extension', async () => {
    const onChange = vi.fn();
    highlightServicesFor(POPUP_TAB).subscribe(onChange);
    const placed = { type: 'highlights-placed' };
    await deliver(placed, viewerIn(POPUP_TAB + 1));
    await deliver(placed, viewerIn(POPUP_TAB, { frameId: 2 }));
    await deliver(placed, viewerIn(POPUP_TAB, { url: fakeBrowser.runtime.getURL('/library.html') }));
    await deliver(placed, viewerIn(POPUP_TAB, { id: 'some-other-extension' }));
    await deliver(placed, { ...viewerIn(POPUP_TAB), tab: undefined });
    expect(onChange).not.toHaveBeenCalled();
  });
});
