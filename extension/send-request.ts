import { browser } from 'wxt/browser';
import { isGlossErrorReply, type GlossRequest, type GlossRequestType, type GlossResponse } from '@/lib/messaging/contract';

/**
 * Sends one typed request to the background and returns its typed reply. Throws an Error with the
 * background's message when it refuses the request or fails (`{ glossError }`).
 */
export async function sendRequest<K extends GlossRequestType>(request: GlossRequest<K>): Promise<GlossResponse<K>> {
  const reply: unknown = await browser.runtime.sendMessage(request);
  if (isGlossErrorReply(reply)) throw new Error(reply.glossError);
  return reply as GlossResponse<K>;
}
