import { publishedHighlighter, publishHighlighter } from '@/extension/page/highlighter-api';
import { HighlightSession } from '@/extension/page/highlight-session';

// Injected by the background when the always-on loader asks for it (the page has highlights, or the
// user selected text). It runs in the same isolated world as the loader and publishes itself there.
export default defineUnlistedScript(() => {
  if (publishedHighlighter()) return;
  const session = new HighlightSession();
  publishHighlighter({ offerToolbar: () => session.offerToolbar(), run: (command) => session.run(command) });
  void session.start(new AbortController().signal);
});
