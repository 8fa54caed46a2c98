import { HighlightSession } from '@/extension/page/highlight-session';

// Always on, so it stays small: it restores highlights on pages that have them and offers the
// selection toolbar. Extraction and entity scanning are injected only when the user asks.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    void new HighlightSession().start(controller.signal);
  },
});
