import { answerGlossRequest } from '@/extension/background/message-listener';
import { installE2eHooks } from '@/extension/background/e2e-hooks';
import { prepareEntityScanner } from '@/extension/background/entity-scanner';
import { installHighlightTriggers } from '@/extension/background/highlight-triggers';
import { installPdfViewerTabs } from '@/extension/background/pdf-viewer-tabs';
import { installReadingPositionWatch } from '@/extension/background/reading-position-watch';
import { installUiFrameRelay } from '@/extension/background/ui-frame-relay';
import { markMoment } from '@/extension/background/timeline';
import { installWelcome } from '@/extension/background/welcome';
import { installSync } from '@/extension/sync/sync-service';

export default defineBackground(() => {
  // Everything before this (fetching, compiling and running the background's script) is its start-up.
  markMoment('background-started');
  // Answers every request, with `{ glossError }` when it is refused or fails (message-listener.ts).
  browser.runtime.onMessage.addListener(answerGlossRequest);
  installHighlightTriggers();
  installUiFrameRelay();
  installReadingPositionWatch();
  installPdfViewerTabs();
  installWelcome();
  installSync();
  prepareEntityScanner();
  if (import.meta.env.MODE === 'e2e') installE2eHooks();
});
