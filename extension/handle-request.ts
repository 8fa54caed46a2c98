import type { GlossRequest, GlossRequestType, GlossResponse } from '@/lib/messaging/contract';
import { analyzeTab } from './analyze-tab';
import { executeFunctionInTab } from './execute-in-tab';
import { scrollToHeadingInPage } from './scroll-to-heading';

type Handlers = { [K in GlossRequestType]: (request: GlossRequest<K>) => Promise<GlossResponse<K>> };

const handlers: Handlers = {
  'analyze-tab': ({ tabId }) => analyzeTab(tabId),
  'scroll-to-heading': async ({ tabId, target }) => {
    try {
      return (await executeFunctionInTab(tabId, scrollToHeadingInPage, [target])) ?? { found: false };
    } catch {
      return { found: false };
    }
  },
};

/** Routes one request to its handler; the background's single entry point for the message contract. */
export function handleRequest(request: GlossRequest): Promise<unknown> {
  const handler = handlers[request.type] as (request: GlossRequest) => Promise<unknown>;
  return handler(request);
}
