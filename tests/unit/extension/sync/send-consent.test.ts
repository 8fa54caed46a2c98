import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { askToSend, maySend, SYNC_DATA_COLLECTION } from '@/extension/sync/send-consent';

type Permissions = { contains: (p: unknown) => Promise<boolean>; request: (p: unknown) => Promise<boolean> };
const permissions = fakeBrowser.permissions as unknown as Permissions;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('sync’s consent to send data', () => {
  it('is always given in Chrome, which has no data-collection consent, without asking', async () => {
    const request = vi.spyOn(permissions, 'request');
    expect(await maySend(false)).toBe(true);
    expect(await askToSend(false)).toBe(true);
    expect(request).not.toHaveBeenCalled();
  });

  it('in Firefox asks for browsing activity and website content, which is what sync sends (encrypted)', async () => {
    const request = vi.spyOn(permissions, 'request').mockResolvedValue(true);
    expect(await askToSend(true)).toBe(true);
    expect(request).toHaveBeenCalledWith({ data_collection: ['browsingActivity', 'websiteContent'] });
    expect(SYNC_DATA_COLLECTION).toEqual(['browsingActivity', 'websiteContent']);
  });

  it('in Firefox follows the person’s answer and a later withdrawal; an API error counts as no', async () => {
    vi.spyOn(permissions, 'request').mockResolvedValue(false);
    expect(await askToSend(true)).toBe(false);
    const contains = vi.spyOn(permissions, 'contains').mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    expect(await maySend(true)).toBe(true);
    expect(await maySend(true)).toBe(false);
    expect(contains).toHaveBeenCalledWith({ data_collection: ['browsingActivity', 'websiteContent'] });
    contains.mockRejectedValueOnce(new Error('unknown permission'));
    expect(await maySend(true)).toBe(false);
  });
});
