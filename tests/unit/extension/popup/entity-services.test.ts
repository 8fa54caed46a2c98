import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { entityServicesFor } from '@/extension/popup/entity-services';
import { contentScript, OTHER_PAGE, PAGE, popupInTab, type Sender } from '../background/fixtures';

beforeEach(() => {
  fakeBrowser.reset();
});

const deliver = (message: unknown, sender: Sender) => fakeBrowser.runtime.onMessage.trigger(message, sender);
const background = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') });
/** Lets the tab lookup a page-specific change makes settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the Entities region follows verdicts, actors and picks changed elsewhere', () => {
  it('refreshes for a change on its tab’s page or on every page, not for another page’s', async () => {
    const tab = await fakeBrowser.tabs.create({ url: `${PAGE}?utm_source=x#part-2` });
    const onChange = vi.fn();
    const unsubscribe = entityServicesFor(tab.id!, { title: 'T', siteName: null }).subscribe(onChange);

    await deliver({ type: 'entities-changed', pageUrls: [OTHER_PAGE] }, background());
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    await deliver({ type: 'entities-changed', pageUrls: [OTHER_PAGE, PAGE] }, background());
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    await deliver({ type: 'entities-changed', pageUrls: null }, popupInTab());
    expect(onChange).toHaveBeenCalledTimes(2);

    unsubscribe();
    await deliver({ type: 'entities-changed', pageUrls: null }, background());
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('ignores the broadcast from a content script or another extension, and other broadcasts', async () => {
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    const onChange = vi.fn();
    entityServicesFor(tab.id!, { title: 'T', siteName: null }).subscribe(onChange);
    await deliver({ type: 'entities-changed', pageUrls: null }, contentScript(PAGE, tab.id!));
    await deliver({ type: 'entities-changed', pageUrls: null }, { id: 'some-other-extension' });
    await deliver({ type: 'annotations-changed', pageUrls: [PAGE] }, background());
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });
});
