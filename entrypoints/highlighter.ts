import { publishedHighlighter, publishHighlighter, unpublishHighlighter } from '@/extension/page/highlighter-api';
import { HighlightSession } from '@/extension/page/highlight-session';

// Injected by the background when the always-on loader asks for it (the page has highlights, or the
// user selected text). It runs in the same isolated world as the loader and publishes itself there.
export default defineUnlistedScript(() => {
  if (publishedHighlighter()) return;
  const session = new HighlightSession();
  const controller = new AbortController();
  publishHighlighter({
    offerToolbar: () => session.offerToolbar(),
    run: (command) => session.run(command),
    // Gloss paused on this site: no UI, no paint, no listeners, until the loader injects a fresh one.
    stop: () => {
      controller.abort();
      unpublishHighlighter();
    },
  });
  void session.start(controller.signal);
});
