import type { Browser } from 'wxt/browser';
import type { GlossErrorReply } from '@/lib/messaging/contract';
import { isGlossRequest, isGlossRequestType } from '@/lib/messaging/request-checks';
import { handleRequest } from './handle-request';

/** The error envelope for a refused or failed request: its message, for sendRequest to throw. */
export function errorReply(error: unknown): GlossErrorReply {
  return { glossError: error instanceof Error ? error.message : String(error) };
}

/**
 * The background's runtime.onMessage listener. Answers every request of the contract: with its reply,
 * or with `{ glossError }` when it is malformed, refused for its sender or fails, so the sender never
 * waits on a channel left open. Other messages (broadcasts meant for extension pages) get no answer.
 */
export function answerGlossRequest(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (reply: unknown) => void,
): boolean {
  if (!isGlossRequest(message)) {
    const type = (message as { type?: unknown } | null)?.type;
    if (!isGlossRequestType(type)) return false;
    sendResponse(errorReply(new Error(`${type}: the request is malformed.`)));
    return false;
  }
  handleRequest(message, sender).then(
    (reply) => sendResponse(reply),
    (error: unknown) => {
      console.warn('Gloss refused or failed a request:', message.type, error);
      sendResponse(errorReply(error));
    },
  );
  return true; // keeps the channel open for the asynchronous reply
}
