import { isGlossRequest } from '@/lib/messaging/contract';
import { handleRequest } from '@/extension/handle-request';
import { installE2eHooks } from '@/extension/e2e-hooks';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!isGlossRequest(message)) return false;
    void handleRequest(message).then(sendResponse);
    return true; // keeps the channel open for the asynchronous reply
  });
  if (import.meta.env.MODE === 'e2e') installE2eHooks();
});
