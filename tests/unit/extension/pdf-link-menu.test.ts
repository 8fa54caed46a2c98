import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPdfLink } from '@/extension/background/pdf-link-menu';
import { openPdfInTab } from '@/extension/pdf/open-in-viewer';
import { viewerFileFromSearch } from '@/lib/pdf-viewer/viewer-address';

const click = (linkUrl: string | undefined) =>
  ({ menuItemId: 'gloss-open-pdf-link', editable: false, linkUrl }) as Browser.contextMenus.OnClickData;
const viewerFileOf = (url: string) => viewerFileFromSearch(new URL(url).search);

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('Open PDF in Gloss', () => {
  it('opens the link’s PDF in the viewer, in a new tab beside the page', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openPdfLink(click('https://vendor.example/reports/storm-1152.pdf?lang=en'), { id: 7, index: 3 } as Browser.tabs.Tab);
    expect(create).toHaveBeenCalledTimes(1);
    const [created] = create.mock.calls[0];
    expect(created).toMatchObject({ index: 4, openerTabId: 7 });
    expect(created.url).toMatch(/\/pdf\.html\?file=/);
    expect(viewerFileOf(created.url!)).toEqual({ kind: 'url', url: 'https://vendor.example/reports/storm-1152.pdf?lang=en' });
  });

  it('does nothing for a link that is not a web address', () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openPdfLink(click('javascript:alert(1)//.pdf'), undefined);
    openPdfLink(click(undefined), undefined);
    expect(create).not.toHaveBeenCalled();
  });
});

describe('Open in Gloss (the popup)', () => {
  it('shows the tab’s PDF in the viewer, in that same tab', async () => {
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as Browser.tabs.Tab);
    await openPdfInTab(12, 'http://127.0.0.1:8080/report.pdf');
    expect(update).toHaveBeenCalledTimes(1);
    const [tabId, change] = update.mock.calls[0] as unknown as [number, { url: string }];
    expect(tabId).toBe(12);
    expect(viewerFileOf(change.url)).toEqual({ kind: 'url', url: 'http://127.0.0.1:8080/report.pdf' });
  });
});
