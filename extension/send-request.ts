import { browser } from 'wxt/browser';
import type { GlossRequest, GlossRequestType, GlossResponse } from '@/lib/messaging/contract';

/** Sends one typed request to the background and returns its typed reply. */
export async function sendRequest<K extends GlossRequestType>(request: GlossRequest<K>): Promise<GlossResponse<K>> {
  return (await browser.runtime.sendMessage(request)) as GlossResponse<K>;
}
