import type { Browser } from 'wxt/browser';
import type { GlossBroadcastType } from '@/lib/messaging/contract';
import { isFromExtension } from './background/callers';

/** A broadcast of `type` from Gloss itself (the background): a content script could send the same shape. */
export function isBroadcast(message: unknown, sender: Browser.runtime.MessageSender, type: GlossBroadcastType): boolean {
  return (message as { type?: unknown } | null)?.type === type && isFromExtension(sender);
}
