import { isGlossRequest } from '@/lib/messaging/contract';
import { handleRequest } from '@/extension/background/handle-request';
import { installE2eHooks } from '@/extension/background/e2e-hooks';
import { installHighlightTriggers } from '@/extension/background/highlight-triggers';
import { installUiFrameRelay } from '@/extension/background/ui-frame-relay';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isGlossRequest(message)) return false;
    void handleRequest(message, sender).then(sendResponse);
    return true; // keeps the channel open for the asynchronous reply
  });
  installHighlightTriggers();
  installUiFrameRelay();
  if (import.meta.env.MODE === 'e2e') installE2eHooks();
});
