import { startHighlighterLoader } from '@/extension/page/highlighter-loader';
import { markReplies } from '@/extension/page/mark-replies';
import { announceMarkedPage } from '@/extension/page/announce-marked-page';

// Always on, so it stays tiny: it loads the highlighter only on pages that have highlights, or when the
// user selects text. Extraction and entity scanning are injected only when the user asks.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Bench builds only (`wxt build --mode bench`, read by bench/runners/idle-cost.ts); other builds drop it.
    const startedAt = import.meta.env.MODE === 'bench' ? markReplies() : 0;
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    startHighlighterLoader(controller.signal);
    if (import.meta.env.MODE === 'bench') performance.measure('gloss:start-up', { start: startedAt });
    // E2E builds only (`wxt build --mode e2e`); other builds drop it.
    if (import.meta.env.MODE === 'e2e') announceMarkedPage();
  },
});
